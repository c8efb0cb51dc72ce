/** The shape of a T5 checkpoint, in the names its config.json uses. */
export interface T5Config {
  vocabSize: number;
  dModel: number;
  dKv: number;
  dFf: number;
  numLayers: number;
  numDecoderLayers: number;
  numHeads: number;
  relativeAttentionNumBuckets: number;
  relativeAttentionMaxDistance: number;
  layerNormEpsilon: number;
  /** T5 v1.1 / FLAN-T5 (`feed_forward_proj: "gated-gelu"`): two input projections, one gated by the other. */
  gatedGelu?: boolean;
  /**
   * `tie_word_embeddings` (T5 v1.0; FLAN-T5 says false): lm_head is the shared embedding, and the
   * decoder's output is scaled by d_model^-0.5 before it.
   */
  tiedEmbeddings?: boolean;
}

/** Hugging Face parameter name → row-major float32 values (PyTorch layout, nn.Linear as [out, in]). */
export type T5Weights = Record<string, Float32Array>;

/** Names of one encoder block's tensors (T5Block: layer.0 self-attention, layer.1 feed-forward). */
export function encoderBlockNames(i: number) {
  const p = `encoder.block.${i}`;
  return {
    selfAttention: `${p}.layer.0.SelfAttention`,
    selfNorm: `${p}.layer.0.layer_norm.weight`,
    ffn: `${p}.layer.1.DenseReluDense`,
    ffnNorm: `${p}.layer.1.layer_norm.weight`,
  };
}

/** Names of one decoder block's tensors (layer.0 self-attention, layer.1 cross-attention, layer.2 feed-forward). */
export function decoderBlockNames(i: number) {
  const p = `decoder.block.${i}`;
  return {
    selfAttention: `${p}.layer.0.SelfAttention`,
    selfNorm: `${p}.layer.0.layer_norm.weight`,
    crossAttention: `${p}.layer.1.EncDecAttention`,
    crossNorm: `${p}.layer.1.layer_norm.weight`,
    ffn: `${p}.layer.2.DenseReluDense`,
    ffnNorm: `${p}.layer.2.layer_norm.weight`,
  };
}

/** The learned relative position bias tables [buckets, heads]: block 0 of each stack holds them, every layer uses them. */
export const RELATIVE_BIAS = {
  encoder: 'encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight',
  decoder: 'decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight',
} as const;

/**
 * Every tensor the graphs read, with its PyTorch shape. The export graphs leave the relative
 * position bias out; `withRelativeBias` adds its two tables (the whole-model graph reads them).
 */
export function t5WeightShapes(c: T5Config, withRelativeBias = false): Record<string, number[]> {
  const inner = c.numHeads * c.dKv;
  const shapes: Record<string, number[]> = {
    'shared.weight': [c.vocabSize, c.dModel],
    'encoder.final_layer_norm.weight': [c.dModel],
    'decoder.final_layer_norm.weight': [c.dModel],
    'lm_head.weight': [c.vocabSize, c.dModel],
  };
  const attention = (m: string) => {
    for (const x of ['q', 'k', 'v']) shapes[`${m}.${x}.weight`] = [inner, c.dModel];
    shapes[`${m}.o.weight`] = [c.dModel, inner];
  };
  const ffn = (m: string) => {
    for (const wi of c.gatedGelu ? ['wi_0', 'wi_1'] : ['wi']) shapes[`${m}.${wi}.weight`] = [c.dFf, c.dModel];
    shapes[`${m}.wo.weight`] = [c.dModel, c.dFf];
  };
  for (let i = 0; i < c.numLayers; i++) {
    const n = encoderBlockNames(i);
    attention(n.selfAttention);
    ffn(n.ffn);
    shapes[n.selfNorm] = [c.dModel];
    shapes[n.ffnNorm] = [c.dModel];
  }
  for (let i = 0; i < c.numDecoderLayers; i++) {
    const n = decoderBlockNames(i);
    attention(n.selfAttention);
    attention(n.crossAttention);
    ffn(n.ffn);
    shapes[n.selfNorm] = [c.dModel];
    shapes[n.crossNorm] = [c.dModel];
    shapes[n.ffnNorm] = [c.dModel];
  }
  if (withRelativeBias) {
    shapes[RELATIVE_BIAS.encoder] = [c.relativeAttentionNumBuckets, c.numHeads];
    shapes[RELATIVE_BIAS.decoder] = [c.relativeAttentionNumBuckets, c.numHeads];
  }
  return shapes;
}

/** All-zero tensors of the right shapes, for hand-written fixtures to fill in. */
export function blankT5Weights(c: T5Config, withRelativeBias = false): T5Weights {
  return Object.fromEntries(Object.entries(t5WeightShapes(c, withRelativeBias)).map(([name, dims]) => [name, new Float32Array(dims.reduce((a, b) => a * b, 1))]));
}
