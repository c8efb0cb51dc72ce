import type { GraphBuilder } from '../graph-builder';
import type { T5Config, T5Weights } from './names';
import { geluTanh, linearNoBias as sharedLinearNoBias, rmsNormalize } from '../layers';

/** What every T5 layer helper needs: the graph, the checkpoint's tensors and its shape. */
export interface T5BuildContext {
  g: GraphBuilder;
  weights: T5Weights;
  config: T5Config;
}

/** An additive mask value: large enough that softmax gives the masked key no weight at all. */
export const MASKED = -1e9;

function take(ctx: T5BuildContext, name: string, dims: readonly number[]): Float32Array {
  const data = ctx.weights[name];
  const expected = dims.reduce((a, b) => a * b, 1);
  if (!data) throw new Error(`Missing weight ${name} [${dims.join(', ')}]`);
  if (data.length !== expected) throw new Error(`Weight ${name} has ${data.length} values, expected ${expected}`);
  return data;
}

/** Adds a tensor under its Hugging Face name, unchanged (norm weights, the shared embedding). */
export function addT5Weight(ctx: T5BuildContext, name: string, dims: readonly number[]): string {
  return ctx.g.initializer(name, { dims, data: take(ctx, name, dims) });
}

/**
 * y = x·Wᵀ, nn.Linear without bias [1]: T5 has no biases anywhere. The weight is
 * transposed once here so the graph has a plain MatMul.
 *
 * [1] nn.Linear stores W as [out, in]; MatMul wants its right operand as [in, out].
 */
export function linearNoBias(ctx: T5BuildContext, x: string, name: string, inDim: number, outDim: number): string {
  return sharedLinearNoBias(ctx, x, name, inDim, outDim);
}

/**
 * T5LayerNorm [2]: y = x / √(mean(x²) + eps) · w. No mean is subtracted and there
 * is no bias (root-mean-square norm).
 *
 * [2] transformers' T5LayerNorm; opset 17 has no RMSNormalization op, so it is spelled out.
 */
export function rmsNorm(ctx: T5BuildContext, x: string, name: string): string {
  return rmsNormalize(ctx.g, x, addT5Weight(ctx, name, [ctx.config.dModel]), ctx.config.layerNormEpsilon);
}

/** [batch, seq, heads·d_kv] → [batch, heads, seq, d_kv]. */
function splitHeads(ctx: T5BuildContext, x: string, output?: string): string {
  const { g, config } = ctx;
  const shape = g.constant([0, 0, config.numHeads, config.dKv], 'int64', [4]);
  return g.node('Transpose', [g.node('Reshape', [x, shape])], { perm: { ints: [0, 2, 1, 3] } }, output);
}

/** Keys and values of one attention module, already split into heads. */
export interface KeyValues {
  key: string;
  value: string;
}

export function projectKeyValues(ctx: T5BuildContext, x: string, module: string, names?: { key: string; value: string }): KeyValues {
  const { config } = ctx;
  const inner = config.numHeads * config.dKv;
  return {
    key: splitHeads(ctx, linearNoBias(ctx, x, `${module}.k.weight`, config.dModel, inner), names?.key),
    value: splitHeads(ctx, linearNoBias(ctx, x, `${module}.v.weight`, config.dModel, inner), names?.value),
  };
}

/**
 * T5 attention [3]: softmax(q·kᵀ + bias + mask)·v per head, then the output projection. Returns
 * the attention weights too (the softmax, [batch, heads, queries, keys]).
 *
 * [3] Unlike BERT, T5 does not divide the scores by √d_kv (the scale is folded into
 *     the initialisation of W_q). The learned relative position bias (relative-bias.ts) is added
 *     to the scores where given; the export graphs of this module leave it out, which is the
 *     same as a bias table of zeros.
 */
export function attentionWithWeights(ctx: T5BuildContext, x: string, module: string, kv: KeyValues, mask: string | undefined, bias?: string) {
  const { g, config } = ctx;
  const inner = config.numHeads * config.dKv;
  const q = splitHeads(ctx, linearNoBias(ctx, x, `${module}.q.weight`, config.dModel, inner));
  let scores = g.node('MatMul', [q, g.node('Transpose', [kv.key], { perm: { ints: [0, 1, 3, 2] } })]);
  if (bias) scores = g.node('Add', [scores, bias]);
  if (mask) scores = g.node('Add', [scores, mask]);
  const probs = g.node('Softmax', [scores], { axis: { i: -1 } });
  const context = g.node('MatMul', [probs, kv.value]);
  const merged = g.node('Reshape', [
    g.node('Transpose', [context], { perm: { ints: [0, 2, 1, 3] } }),
    g.constant([0, 0, inner], 'int64', [3]),
  ]);
  return { out: linearNoBias(ctx, merged, `${module}.o.weight`, inner, config.dModel), probs };
}

export function attention(ctx: T5BuildContext, x: string, module: string, kv: KeyValues, mask: string | undefined): string {
  return attentionWithWeights(ctx, x, module, kv, mask).out;
}

/**
 * T5DenseActDense with ReLU (`feed_forward_proj: "relu"`): wo(relu(wi(x))); or T5 v1.1's
 * T5DenseGatedActDense (`"gated-gelu"`): wo(gelu_new(wi_0(x)) · wi_1(x)), one projection gating the other.
 */
export function feedForward(ctx: T5BuildContext, x: string, module: string): string {
  const { g, config } = ctx;
  const project = (name: string) => linearNoBias(ctx, x, `${module}.${name}.weight`, config.dModel, config.dFf);
  const hidden = config.gatedGelu ? g.node('Mul', [geluTanh(g, project('wi_0')), project('wi_1')]) : g.node('Relu', [project('wi')]);
  return linearNoBias(ctx, hidden, `${module}.wo.weight`, config.dFf, config.dModel);
}

/** A [batch, keys] 0/1 padding mask → additive [batch, 1, 1, keys]: 0 where kept, −1e9 where padded. */
export function paddingMask(g: GraphBuilder, mask: string): string {
  const keep = g.node('Cast', [mask], { to: { i: 1 } });
  const additive = g.node('Mul', [g.node('Sub', [g.constant([1]), keep]), g.constant([MASKED])]);
  return g.node('Unsqueeze', [additive, g.constant([1, 2], 'int64', [2])]);
}

/**
 * The decoder's causal mask [4] as an additive [new, past + new] matrix: the new
 * token at row i (absolute position past + i) may read keys 0 … past + i.
 *
 * [4] With a cache, each step feeds one new token, which may read everything; the
 *     mask matters when several decoder tokens are fed at once (teacher forcing).
 */
export function causalMask(g: GraphBuilder, pastKey: string, inputIds: string): string {
  const scalar = (tensor: string, axis: number) => g.node('Gather', [g.node('Shape', [tensor]), g.constant([axis], 'int64', [])]);
  const past = scalar(pastKey, 2);
  const fresh = scalar(inputIds, 1);
  const one = g.constant([1], 'int64', []);
  const zero = g.constant([0], 'int64', []);
  const rows = g.node('Add', [g.node('Range', [zero, fresh, one]), past]);
  const cols = g.node('Range', [zero, g.node('Add', [past, fresh]), one]);
  const future = g.node('Greater', [
    g.node('Unsqueeze', [cols, g.constant([0], 'int64', [1])]),
    g.node('Unsqueeze', [rows, g.constant([1], 'int64', [1])]),
  ]);
  return g.node('Where', [future, g.constant([MASKED]), g.constant([0])]);
}
