/** The numbers of a ViTMAEConfig (config.json, model_type "vit_mae") the graph needs. */
export interface VitMaeConfig {
  imageSize: number;
  patchSize: number;
  numChannels: number;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  intermediateSize: number;
  decoderHiddenSize: number;
  decoderLayers: number;
  decoderHeads: number;
  decoderIntermediateSize: number;
  layerNormEps: number;
  /** Default share of hidden patches the checkpoint was trained with. */
  maskRatio: number;
  /** Trained to predict each patch normalised by its own mean and variance. */
  normPixLoss: boolean;
}

/** Patches per side, patches in all, and values per patch (p · p · channels). */
export function gridOf(c: Pick<VitMaeConfig, 'imageSize' | 'patchSize' | 'numChannels'>) {
  const side = Math.floor(c.imageSize / c.patchSize);
  return { side, patches: side * side, patchDim: c.patchSize * c.patchSize * c.numChannels };
}

/**
 * [1] How many patches the encoder sees, exactly as HF's random_masking computes it:
 *     len_keep = int(N · (1 − mask_ratio)). JS and Python both use IEEE doubles here,
 *     so the same ratio keeps the same count.
 */
export function keptCount(patches: number, maskRatio: number): number {
  return Math.trunc(patches * (1 - maskRatio));
}

/** Hugging Face tensor names of one transformer layer (encoder: vit.encoder.layer.i, decoder: decoder.decoder_layers.i). */
export function vitLayerNames(prefix: string) {
  return {
    normBefore: `${prefix}.layernorm_before`,
    query: `${prefix}.attention.attention.query`,
    key: `${prefix}.attention.attention.key`,
    value: `${prefix}.attention.attention.value`,
    attentionOut: `${prefix}.attention.output.dense`,
    normAfter: `${prefix}.layernorm_after`,
    ffnIn: `${prefix}.intermediate.dense`,
    ffnOut: `${prefix}.output.dense`,
  };
}

export const encoderLayerPrefix = (i: number) => `vit.encoder.layer.${i}`;
export const decoderLayerPrefix = (i: number) => `decoder.decoder_layers.${i}`;

export const VIT_MAE_NAMES = {
  cls: 'vit.embeddings.cls_token',
  position: 'vit.embeddings.position_embeddings',
  patch: 'vit.embeddings.patch_embeddings.projection',
  encoderNorm: 'vit.layernorm',
  decoderEmbed: 'decoder.decoder_embed',
  maskToken: 'decoder.mask_token',
  decoderPosition: 'decoder.decoder_pos_embed',
  decoderNorm: 'decoder.decoder_norm',
  decoderPred: 'decoder.decoder_pred',
} as const;

/** Fixed (not learned) tensors: a checkpoint may leave them out, and the page then computes them. */
export const FIXED_TENSORS: readonly string[] = [VIT_MAE_NAMES.position, VIT_MAE_NAMES.decoderPosition];

function layerShapes(prefix: string, h: number, inner: number): [string, number[]][] {
  const n = vitLayerNames(prefix);
  return [
    [`${n.normBefore}.weight`, [h]],
    [`${n.normBefore}.bias`, [h]],
    ...[n.query, n.key, n.value, n.attentionOut].flatMap((m): [string, number[]][] => [
      [`${m}.weight`, [h, h]],
      [`${m}.bias`, [h]],
    ]),
    [`${n.normAfter}.weight`, [h]],
    [`${n.normAfter}.bias`, [h]],
    [`${n.ffnIn}.weight`, [inner, h]],
    [`${n.ffnIn}.bias`, [inner]],
    [`${n.ffnOut}.weight`, [h, inner]],
    [`${n.ffnOut}.bias`, [h]],
  ];
}

/** Every tensor ViTMAEForPreTraining has, with its shape, in the order the graph reads them. */
export function vitMaeShapes(c: VitMaeConfig): [string, number[]][] {
  const { patches, patchDim } = gridOf(c);
  const h = c.hiddenSize;
  const d = c.decoderHiddenSize;
  const N = VIT_MAE_NAMES;
  return [
    [N.cls, [1, 1, h]],
    [N.position, [1, patches + 1, h]],
    [`${N.patch}.weight`, [h, c.numChannels, c.patchSize, c.patchSize]],
    [`${N.patch}.bias`, [h]],
    ...Array.from({ length: c.numLayers }, (_, i) => layerShapes(encoderLayerPrefix(i), h, c.intermediateSize)).flat(),
    [`${N.encoderNorm}.weight`, [h]],
    [`${N.encoderNorm}.bias`, [h]],
    [`${N.decoderEmbed}.weight`, [d, h]],
    [`${N.decoderEmbed}.bias`, [d]],
    [N.maskToken, [1, 1, d]],
    [N.decoderPosition, [1, patches + 1, d]],
    ...Array.from({ length: c.decoderLayers }, (_, i) => layerShapes(decoderLayerPrefix(i), d, c.decoderIntermediateSize)).flat(),
    [`${N.decoderNorm}.weight`, [d]],
    [`${N.decoderNorm}.bias`, [d]],
    [`${N.decoderPred}.weight`, [patchDim, d]],
    [`${N.decoderPred}.bias`, [patchDim]],
  ];
}

/** Zeros for every tensor, LayerNorm scales 1: the start for hand-made weights. */
export function blankVitMaeWeights(c: VitMaeConfig): Record<string, Float32Array> {
  const w: Record<string, Float32Array> = {};
  for (const [name, shape] of vitMaeShapes(c)) {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (/(layernorm[^.]*|decoder_norm)\.weight$/.test(name)) data.fill(1);
    w[name] = data;
  }
  return w;
}

/*
 * [2] MAE's position embeddings are not learned: they are fixed 2-D sine-cosine tables
 *     (MAE paper, §A.1; HF get_2d_sincos_pos_embed). Half of the dimensions encode the
 *     patch's column, half its row; each half is [sin(pos·ω_k), cos(pos·ω_k)] with
 *     ω_k = 1 / 10000^(k / (D/4)), k = 0 … D/4 − 1. Row 0 (the [CLS] token) is all zeros.
 *     HF builds the grid with meshgrid(w, h), so the first half follows the column index.
 */
export function sincosPositions(dim: number, side: number): Float32Array {
  if (dim % 4 !== 0) throw new Error(`sin-cos position embeddings need a width divisible by 4, not ${dim}`);
  const quarter = dim / 4;
  const out = new Float32Array((side * side + 1) * dim);
  for (let r = 0; r < side; r++) {
    for (let col = 0; col < side; col++) {
      const row = out.subarray((1 + r * side + col) * dim, (2 + r * side + col) * dim);
      for (const [half, pos] of [
        [0, col],
        [1, r],
      ] as const) {
        for (let k = 0; k < quarter; k++) {
          const omega = 1 / 10000 ** (k / quarter);
          row[half * 2 * quarter + k] = Math.sin(pos * omega);
          row[half * 2 * quarter + quarter + k] = Math.cos(pos * omega);
        }
      }
    }
  }
  return out;
}
