import { BATCH, SEQUENCE, type BertHead } from './bert-head';
import type { EncoderConfig, WeightMap } from './bert-names';
import { buildEncoder } from './bert-encoder';
import { GraphBuilder } from './graph-builder';
import type { ModelProto } from './onnx-types';
import type { PackedWeights } from './quantize';
import { Ops, referenceEncoder } from './reference';

export interface BertModelSpec {
  config: EncoderConfig;
  head: BertHead;
  /** Tensors by Hugging Face name, e.g. `bert.encoder.layer.0.attention.self.query.weight`. */
  weights: WeightMap;
  /** Weights that arrived quantized (a q8 build from a checkpoint); the graph reads them through DequantizeLinear. Emptied as the graph takes them. */
  packed?: PackedWeights;
  /** Free text stored in the model's doc_string (where the weights came from). */
  doc?: string;
}

/**
 * Builds a BERT-family encoder with a task head as an ONNX model whose inputs
 * and outputs match what transformers.js expects of an exported checkpoint:
 * input_ids, attention_mask (+ token_type_ids for BERT) → the head's outputs.
 */
export function buildBertModel(spec: BertModelSpec): ModelProto {
  const { config, head } = spec;
  if (config.hiddenSize % config.numHeads !== 0) {
    throw new Error(`hidden size ${config.hiddenSize} is not divisible by ${config.numHeads} heads`);
  }
  const g = new GraphBuilder(`${config.family}-${head.name}`);
  const ctx = { g, weights: spec.weights, packed: spec.packed, eps: config.layerNormEps };
  const { hidden } = buildEncoder(ctx, config);
  const values = head.build(ctx, config, hidden);
  for (const [i, { name, dims }] of head.outputs(config).entries()) {
    // Rename the producing node's output instead of adding an Identity node.
    g.renameValue(values[i] as string, name);
    g.output(name, 'float32', dims);
  }
  return g.toModel({ doc: spec.doc });
}

export interface ReferenceInputs {
  /** [batch][seq]; every row the same length (pad with attention_mask 0). */
  inputIds: number[][];
  attentionMask?: number[][];
  /** Ignored by DistilBERT (no segment embeddings); zeros when absent. */
  tokenTypeIds?: number[][];
}

export interface ReferenceTensor {
  dims: number[];
  data: Float32Array;
}

/**
 * Runs the reference pass (reference.ts, then the head's own) on a batch; returns the same
 * outputs, names and dims as buildBertModel's graph (padded positions included, as the graph
 * computes them). Tests use it to check the builder, and the known answers of the
 * checkpoint-only fixtures without ONNX Runtime.
 */
export function referenceForward(
  config: EncoderConfig,
  head: BertHead,
  weights: WeightMap,
  inputs: ReferenceInputs,
): Record<string, ReferenceTensor> {
  const ops = new Ops(weights, config.layerNormEps);
  const batch = inputs.inputIds.length;
  const seq = inputs.inputIds[0]?.length ?? 0;
  const rows = inputs.inputIds.map((ids, b) => {
    if (ids.length !== seq) throw new Error('reference: every row must have the same length');
    const xs = referenceEncoder(config, weights, ids, inputs.attentionMask?.[b], inputs.tokenTypeIds?.[b]);
    return head.reference(ops, config, xs);
  });
  const out: Record<string, ReferenceTensor> = {};
  head.outputs(config).forEach(({ name, dims }, k) => {
    const data = Float32Array.from(rows.flatMap((r) => r[k]!));
    const concrete = dims.map((d) => (d === BATCH ? batch : d === SEQUENCE ? seq : (d as number)));
    out[name] = { dims: concrete, data };
  });
  return out;
}
