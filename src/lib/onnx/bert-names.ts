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

/**
 * Module names (without .weight/.bias) of the blocks BERT's own heads are made of, shared by
 * several tasks: the pooler (BERT) or pre_classifier (DistilBERT) that sentence-level heads read,
 * the masked-LM transform and its per-word bias, and the NSP classifier BERT was pretrained with.
 */
export function blockNames(config: EncoderConfig) {
  return {
    pooler: `${prefixOf(config)}pooler.dense`, // BERT only
    preClassifier: 'pre_classifier', // DistilBERT only
    mlmTransform: 'cls.predictions.transform.dense',
    mlmNorm: 'cls.predictions.transform.LayerNorm',
    mlmBias: 'cls.predictions.bias',
    seqRelationship: 'cls.seq_relationship', // BERT only
  };
}
