import type { BuildContext } from './layers';

/*
 * The masks of a decoder that writes left to right (GPT-2, Llama), shared by their builders.
 */

/** A very negative score: softmax gives it a weight of 0 without the NaN that −∞ + −∞ could make. */
const BLOCKED = -1e9;

/** A scalar int64 from a 1-D shape: dimension `axis` of `x`. */
export function dim(ctx: BuildContext, x: string, axis: number): string {
  return ctx.g.node('Gather', [ctx.g.node('Shape', [x]), ctx.g.constant([axis], 'int64')]);
}

/*
 * [1] The causal mask: the query at absolute position past + i may read keys
 *     0 … past + i, never later ones, so every token is predicted from its left
 *     context only. (BERT has no such mask: every token sees both sides.) The
 *     padding mask (attention_mask = 0) is added on top, as in BERT.
 */
export function attentionBias(ctx: BuildContext, attentionMask: string, querySeq: string, keyTotal: string): string {
  const { g } = ctx;
  const one = g.constant([1], 'int64');
  const zero = g.constant([0], 'int64');
  const rows = g.node('Range', [g.node('Sub', [keyTotal, querySeq]), keyTotal, one]); // absolute query positions
  const cols = g.node('Range', [zero, keyTotal, one]);
  const rowCol = g.node('Unsqueeze', [rows, g.constant([1], 'int64', [1])]); // [s, 1]
  const allowed = g.node('LessOrEqual', [cols, rowCol]); // [s, total]
  const causal = g.node('Where', [allowed, g.constant([0]), g.constant([BLOCKED])]);
  const mask = g.node('Cast', [attentionMask], { to: { i: 1 } });
  const padding = g.node('Mul', [g.node('Sub', [g.constant([1]), mask]), g.constant([BLOCKED])]);
  const paddingB = g.node('Unsqueeze', [padding, g.constant([1, 2], 'int64', [2])]); // [b, 1, 1, total]
  return g.node('Add', [causal, paddingB]); // broadcasts to [b, 1, s, total]
}
