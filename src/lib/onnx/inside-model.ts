import { BATCH, SEQUENCE } from './bert-head';
import { maskedLm } from './bert-blocks';
import { buildEncoder } from './bert-encoder';
import type { EncoderConfig, WeightMap } from './bert-names';
import { GraphBuilder } from './graph-builder';
import type { ModelProto } from './onnx-types';
import { Ops, referenceEncoderTrace, type Vec } from './reference';

/*
 * A BERT-family encoder built to be looked inside: besides the last hidden state, the graph
 * answers with every hidden state and every layer's attention probabilities, and (for a
 * checkpoint that has its masked-LM head) the logit lens: that head applied to every hidden state.
 *
 * [1] The lens reads each of the numLayers + 1 hidden states with the same head. Stacking them
 *     on the batch axis ([(L+1)·batch, seq, hidden]) runs the head once and keeps one copy of its
 *     weights; the answer's first axis is then hidden state by hidden state.
 * [2] Only the top guesses cross into the page: softmax over the whole vocabulary, then TopK.
 *     A bert-base vocabulary is 30,522 words; 13 hidden states × 30,522 × every position would
 *     be tens of megabytes to copy for five numbers a row.
 */

export const INSIDE_OUTPUTS = {
  hidden: (i: number) => `hidden_states.${i}`,
  attention: (layer: number) => `attentions.${layer}`,
  lensP: 'lens_top_p',
  lensId: 'lens_top_id',
} as const;

export interface InsideModelSpec {
  config: EncoderConfig;
  weights: WeightMap;
  /** Top guesses per position for the logit lens; 0 leaves the lens out. */
  lensTop: number;
  doc?: string;
}

export function buildInsideModel(spec: InsideModelSpec): ModelProto {
  const { config } = spec;
  const g = new GraphBuilder(`${config.family}-inside`);
  const ctx = { g, weights: spec.weights, eps: config.layerNormEps };
  const { hiddens, attentions } = buildEncoder(ctx, config);
  hiddens.forEach((value, i) => {
    g.renameValue(value, INSIDE_OUTPUTS.hidden(i));
    g.output(INSIDE_OUTPUTS.hidden(i), 'float32', [BATCH, SEQUENCE, config.hiddenSize]);
  });
  attentions.forEach((value, l) => {
    g.renameValue(value, INSIDE_OUTPUTS.attention(l + 1));
    g.output(INSIDE_OUTPUTS.attention(l + 1), 'float32', [BATCH, config.numHeads, SEQUENCE, SEQUENCE]);
  });
  if (spec.lensTop > 0) {
    const stacked = g.node('Concat', hiddens.map((_, i) => INSIDE_OUTPUTS.hidden(i)), { axis: { i: 0 } }); // [1]
    const probs = g.node('Softmax', [maskedLm.build(ctx, config, stacked)], { axis: { i: -1 } });
    g.nodeOutputs('TopK', [probs, g.constant([spec.lensTop], 'int64', [1])], { attrs: { axis: { i: -1 } }, outputs: [INSIDE_OUTPUTS.lensP, INSIDE_OUTPUTS.lensId] }); // [2]
    const dims = ['stacked', SEQUENCE, spec.lensTop];
    g.output(INSIDE_OUTPUTS.lensP, 'float32', dims);
    g.output(INSIDE_OUTPUTS.lensId, 'int64', dims);
  }
  return g.toModel({ doc: spec.doc });
}

export interface InsideReference {
  /** numLayers + 1 of [seq][hidden]. */
  hiddens: Vec[][];
  /** Per layer [head][query][key]. */
  attentions: Vec[][][];
  /** Per hidden state, per position: the top guesses (id, probability), best first. */
  lens?: { id: number; p: number }[][][];
}

/** The same in float64, loop by loop, for one sequence: what tests hold the graph against. */
export function referenceInside(config: EncoderConfig, weights: WeightMap, ids: number[], lensTop: number, types?: number[]): InsideReference {
  const trace = referenceEncoderTrace(config, weights, ids, undefined, types);
  if (lensTop === 0) return trace;
  const ops = new Ops(weights, config.layerNormEps);
  const lens = trace.hiddens.map((xs) => {
    const logits = maskedLm.reference(ops, config, xs);
    return xs.map((_, pos) => {
      const row = logits.slice(pos * config.vocabSize, (pos + 1) * config.vocabSize);
      const top = Math.max(...row);
      const exp = row.map((v) => Math.exp(v - top));
      const z = exp.reduce((a, b) => a + b, 0);
      return exp
        .map((e, id) => ({ id, p: e / z }))
        .sort((a, b) => b.p - a.p)
        .slice(0, lensTop);
    });
  });
  return { ...trace, lens };
}
