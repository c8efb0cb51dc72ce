import type { EncoderConfig, HeadSpec, WeightMap } from './bert-names';
import { buildEncoder } from './bert-encoder';
import { addHead } from './bert-heads';
import { GraphBuilder } from './graph-builder';
import type { ModelProto } from './onnx-types';

export interface BertModelSpec {
  config: EncoderConfig;
  head: HeadSpec;
  /** Tensors by Hugging Face name, e.g. `bert.encoder.layer.0.attention.self.query.weight`. */
  weights: WeightMap;
  /** Free text stored in the model's doc_string (where the weights came from). */
  doc?: string;
}

/**
 * Builds a BERT-family encoder with a task head as an ONNX model whose inputs
 * and outputs match what transformers.js expects of an exported checkpoint:
 * input_ids, attention_mask (+ token_type_ids for BERT) → the head's outputs
 * (see headOutputs: logits, start_logits/end_logits, last_hidden_state, …).
 */
export function buildBertModel(spec: BertModelSpec): ModelProto {
  const { config, head } = spec;
  if (config.hiddenSize % config.numHeads !== 0) {
    throw new Error(`hidden size ${config.hiddenSize} is not divisible by ${config.numHeads} heads`);
  }
  const g = new GraphBuilder(`${config.family}-${head.kind}`);
  const ctx = { g, weights: spec.weights, eps: config.layerNormEps };
  const { hidden } = buildEncoder(ctx, config);
  addHead(ctx, config, head, hidden);
  return g.toModel({ doc: spec.doc });
}
