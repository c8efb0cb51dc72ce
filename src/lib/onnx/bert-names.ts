/*
 * Hugging Face tensor names for the BERT family, so the builder can take the
 * tensors of a real checkpoint (model.safetensors) as they are. Linear weights
 * are PyTorch's [out_features, in_features]; embeddings are [rows, hidden].
 */

export type EncoderFamily = 'bert' | 'distilbert';

export interface EncoderConfig {
  family: EncoderFamily;
  vocabSize: number;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  intermediateSize: number;
  maxPositions: number;
  /** Segment (token type) rows; 0 for DistilBERT, which has no token_type_ids. */
  typeVocabSize: number;
  layerNormEps: number;
  /** Module prefix in the checkpoint; defaults to the family name ('bert.', 'distilbert.'). */
  prefix?: string;
}

export type HeadSpec = { kind: 'sequence-classification'; numLabels: number } | { kind: 'masked-lm' };

/** Tensors by Hugging Face name. */
export type WeightMap = Readonly<Record<string, Float32Array>>;

export interface LayerNames {
  query: string;
  key: string;
  value: string;
  attentionOut: string;
  attentionNorm: string;
  ffnIn: string;
  ffnOut: string;
  outputNorm: string;
}

function prefixOf(config: EncoderConfig): string {
  return config.prefix ?? `${config.family}.`;
}

export function embeddingNames(config: EncoderConfig) {
  const p = `${prefixOf(config)}embeddings.`;
  return {
    word: `${p}word_embeddings.weight`,
    position: `${p}position_embeddings.weight`,
    tokenType: `${p}token_type_embeddings.weight`,
    norm: `${p}LayerNorm`,
  };
}

/** Module names (without .weight/.bias) of encoder layer `i`. */
export function layerNames(config: EncoderConfig, i: number): LayerNames {
  if (config.family === 'distilbert') {
    const p = `${prefixOf(config)}transformer.layer.${i}.`;
    return {
      query: `${p}attention.q_lin`,
      key: `${p}attention.k_lin`,
      value: `${p}attention.v_lin`,
      attentionOut: `${p}attention.out_lin`,
      attentionNorm: `${p}sa_layer_norm`,
      ffnIn: `${p}ffn.lin1`,
      ffnOut: `${p}ffn.lin2`,
      outputNorm: `${p}output_layer_norm`,
    };
  }
  const p = `${prefixOf(config)}encoder.layer.${i}.`;
  return {
    query: `${p}attention.self.query`,
    key: `${p}attention.self.key`,
    value: `${p}attention.self.value`,
    attentionOut: `${p}attention.output.dense`,
    attentionNorm: `${p}attention.output.LayerNorm`,
    ffnIn: `${p}intermediate.dense`,
    ffnOut: `${p}output.dense`,
    outputNorm: `${p}output.LayerNorm`,
  };
}

export function headNames(config: EncoderConfig) {
  return {
    pooler: `${prefixOf(config)}pooler.dense`, // BERT only
    preClassifier: 'pre_classifier', // DistilBERT only
    classifier: 'classifier',
    mlmTransform: 'cls.predictions.transform.dense',
    mlmNorm: 'cls.predictions.transform.LayerNorm',
    mlmBias: 'cls.predictions.bias',
  };
}

/** Every tensor the builder reads for this config and head, with its shape. */
export function weightShapes(config: EncoderConfig, head: HeadSpec): [string, number[]][] {
  const { hiddenSize: h, intermediateSize: m } = config;
  const linear = (name: string, out: number, inp: number): [string, number[]][] => [
    [`${name}.weight`, [out, inp]],
    [`${name}.bias`, [out]],
  ];
  const norm = (name: string): [string, number[]][] => [
    [`${name}.weight`, [h]],
    [`${name}.bias`, [h]],
  ];
  const emb = embeddingNames(config);
  const shapes: [string, number[]][] = [
    [emb.word, [config.vocabSize, h]],
    [emb.position, [config.maxPositions, h]],
  ];
  if (config.typeVocabSize > 0) shapes.push([emb.tokenType, [config.typeVocabSize, h]]);
  shapes.push(...norm(emb.norm));
  for (let i = 0; i < config.numLayers; i++) {
    const l = layerNames(config, i);
    shapes.push(...linear(l.query, h, h), ...linear(l.key, h, h), ...linear(l.value, h, h));
    shapes.push(...linear(l.attentionOut, h, h), ...norm(l.attentionNorm));
    shapes.push(...linear(l.ffnIn, m, h), ...linear(l.ffnOut, h, m), ...norm(l.outputNorm));
  }
  const names = headNames(config);
  if (head.kind === 'masked-lm') {
    shapes.push(...linear(names.mlmTransform, h, h), ...norm(names.mlmNorm), [names.mlmBias, [config.vocabSize]]);
  } else {
    const first = config.family === 'bert' ? names.pooler : names.preClassifier;
    shapes.push(...linear(first, h, h), ...linear(names.classifier, head.numLabels, h));
  }
  return shapes;
}

/**
 * A blank checkpoint: zeros everywhere except LayerNorm scales, which are 1.
 * With zero weights every sub-block adds nothing and LayerNorm leaves an
 * already-normalised vector as it is, so untouched layers pass their input
 * through: a starting point for hand-designed weights.
 */
export function blankWeights(config: EncoderConfig, head: HeadSpec): Record<string, Float32Array> {
  const weights: Record<string, Float32Array> = {};
  for (const [name, shape] of weightShapes(config, head)) {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (/(LayerNorm|layer_norm)\.weight$/.test(name)) data.fill(1);
    weights[name] = data;
  }
  return weights;
}
