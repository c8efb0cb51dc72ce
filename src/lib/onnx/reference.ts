import { embeddingNames, headNames, type EncoderConfig, type HeadSpec, type WeightMap } from './bert-names';
import { headOutputs } from './head-outputs';
import { gelu, Ops, referenceEncoder, sum, type Vec } from './reference-encoder';

/*
 * A textbook forward pass of BERT / DistilBERT and every head, written out
 * loop by loop over the Hugging Face weight map, in float64. It shares no code
 * with the graph builder (only the tensor names), so agreeing with it is
 * evidence that the ONNX graph computes what the PyTorch modules compute.
 * Tests use it to check the builder, and to check the known answers of the
 * checkpoint-only fixtures without ONNX Runtime. Slow: tiny models only.
 */

export { referenceEncoder, gelu, erf } from './reference-encoder';

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

/** The head's outputs for one sequence, in headOutputs order, each flattened. */
function referenceHead(ops: Ops, config: EncoderConfig, head: HeadSpec, xs: Vec[]): Vec[] {
  const h = config.hiddenSize;
  const hn = headNames(config);
  const e = embeddingNames(config);
  const pooled = () =>
    config.family === 'bert'
      ? ops.linear(xs[0]!, hn.pooler, h).map(Math.tanh)
      : ops.linear(xs[0]!, hn.preClassifier, h).map((a) => Math.max(0, a));
  const mlm = () =>
    xs.flatMap((x) => {
      const t = ops.norm(ops.linear(x, hn.mlmTransform, h).map(gelu), hn.mlmNorm);
      const bias = ops.get(hn.mlmBias);
      return Array.from({ length: config.vocabSize }, (_, id) => bias[id]! + sum(ops.row(e.word, id, h).map((ev, i) => ev * t[i]!)));
    });
  switch (head.kind) {
    case 'base':
      return [xs.flat()];
    case 'masked-lm':
      return [mlm()];
    case 'sequence-classification':
      return [ops.linear(pooled(), hn.classifier, head.numLabels)];
    case 'multiple-choice':
      return [ops.linear(pooled(), hn.classifier, 1)];
    case 'token-classification':
      return [xs.flatMap((x) => ops.linear(x, hn.classifier, head.numLabels))];
    case 'question-answering': {
      const both = xs.map((x) => ops.linear(x, hn.qaOutputs, 2));
      return [both.map((s) => s[0]!), both.map((s) => s[1]!)];
    }
    case 'next-sentence-prediction':
      return [ops.linear(pooled(), hn.nsp, 2)];
    case 'pretraining':
      return [mlm(), ops.linear(pooled(), hn.nsp, 2)];
    default: {
      const never: never = head;
      throw new Error(`unknown head ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Runs the model on a batch; returns the same outputs, names and dims as the
 * ONNX graph buildBertModel makes (padded positions included, as the graph
 * computes them).
 */
export function referenceForward(
  config: EncoderConfig,
  head: HeadSpec,
  weights: WeightMap,
  inputs: ReferenceInputs,
): Record<string, ReferenceTensor> {
  const ops = new Ops(weights, config.layerNormEps);
  const batch = inputs.inputIds.length;
  const seq = inputs.inputIds[0]?.length ?? 0;
  const rows = inputs.inputIds.map((ids, b) => {
    if (ids.length !== seq) throw new Error('reference: every row must have the same length');
    const xs = referenceEncoder(config, weights, ids, inputs.attentionMask?.[b], inputs.tokenTypeIds?.[b]);
    return referenceHead(ops, config, head, xs);
  });
  const out: Record<string, ReferenceTensor> = {};
  headOutputs(config, head).forEach(({ name, dims }, k) => {
    const data = Float32Array.from(rows.flatMap((r) => r[k]!));
    const concrete = dims.map((d) => (d === 'batch_size' ? batch : d === 'sequence_length' ? seq : (d as number)));
    out[name] = { dims: concrete, data };
  });
  return out;
}
