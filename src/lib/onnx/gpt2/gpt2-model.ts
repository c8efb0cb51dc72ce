import type { WeightMap } from '../bert-names';
import { GraphBuilder } from '../graph-builder';
import { attentionBias, dim } from '../decoder-mask';
import { addWeight, geluTanh, layerNorm, takeWeight, type BuildContext } from '../layers';
import type { ModelProto } from '../onnx-types';
import { GPT2_NAMES, gpt2LayerNames, type Gpt2Config } from './gpt2-names';
import { attentionOutput, exposeOutput, hiddenOutput, LENS_IDS, LENS_PROBS } from '../inside-outputs';

/*
 * A GPT-2 decoder (GPT2LMHeadModel) as an ONNX graph laid out like the
 * transformers.js exports of decoder-only models:
 *   with past:    input_ids, attention_mask, position_ids, past_key_values.<i>.key/value
 *                 → logits, present.<i>.key/value
 *   without past: input_ids, attention_mask → logits
 * Cache tensors are [batch_size, n_head, past_sequence_length, head_dim]: the
 * fixed head count and head size let transformers.js make an empty cache for the
 * first step from the input metadata alone.
 */

export const BATCH = 'batch_size';
export const SEQUENCE = 'sequence_length';
export const PAST = 'past_sequence_length';
export const TOTAL = 'total_sequence_length';

export interface Gpt2ModelSpec {
  config: Gpt2Config;
  weights: WeightMap;
  /** Declare past_key_values inputs and present outputs (the KV cache). */
  withPast: boolean;
  /**
   * Also output every layer's attention weights and hidden state, and the logit lens with this
   * many top guesses per layer and position (inside-outputs.ts). For a graph without a cache.
   */
  inside?: { lensTopK: number };
  doc?: string;
}

/** y = x·W + b with a Conv1D weight stored [in, out], as GPT-2 does: no transpose needed. */
function conv1d(ctx: BuildContext, x: string, module: string, inDim: number, outDim: number): string {
  const w = addWeight(ctx, `${module}.weight`, [inDim, outDim]);
  const b = addWeight(ctx, `${module}.bias`, [outDim]);
  return ctx.g.node('Add', [ctx.g.node('MatMul', [x, w]), b]);
}

interface Cache {
  key: string;
  value: string;
}

/*
 * [2] Masked multi-head self-attention. c_attn makes Q, K and V in one matrix;
 *     each is split into heads [b, heads, seq, d]. With a cache, the new keys and
 *     values are appended to the past ones (Concat on the sequence axis), so a
 *     step that feeds one new token still attends to the whole text; the
 *     concatenation is returned as `present` for the next step.
 */
function attention(ctx: BuildContext, c: Gpt2Config, x: string, bias: string | ((k: string) => string), layer: number, past?: Cache) {
  const { g } = ctx;
  const h = c.hiddenSize;
  const d = h / c.numHeads;
  const n = gpt2LayerNames(layer);
  const qkv = conv1d(ctx, x, n.attn, h, 3 * h);
  const [q0, k0, v0] = g.nodeOutputs('Split', [qkv, g.constant([h, h, h], 'int64', [3])], { attrs: { axis: { i: -1 } }, outputs: 3 }) as [
    string,
    string,
    string,
  ];
  const split = g.constant([0, 0, c.numHeads, d], 'int64', [4]);
  const heads = (t: string) => g.node('Transpose', [g.node('Reshape', [t, split])], { perm: { ints: [0, 2, 1, 3] } });
  let k = heads(k0);
  let v = heads(v0);
  if (past) {
    k = g.node('Concat', [past.key, k], { axis: { i: 2 } });
    v = g.node('Concat', [past.value, v], { axis: { i: 2 } });
  }
  const kT = g.node('Transpose', [k], { perm: { ints: [0, 1, 3, 2] } });
  const scores = g.node('Mul', [g.node('MatMul', [heads(q0), kT]), g.constant([1 / Math.sqrt(d)])]);
  const masked = g.node('Add', [scores, typeof bias === 'string' ? bias : bias(k)]);
  const probs = g.node('Softmax', [masked], { axis: { i: -1 } });
  const context = g.node('Transpose', [g.node('MatMul', [probs, v])], { perm: { ints: [0, 2, 1, 3] } });
  const merged = g.node('Reshape', [context, g.constant([0, 0, h], 'int64', [3])]);
  return { out: conv1d(ctx, merged, n.attnProj, h, h), present: { key: k, value: v }, probs };
}

/*
 * [3] Pre-LN block (GPT-2): x = x + attn(LN(x)); x = x + mlp(LN(x)). Unlike
 *     BERT's post-LN, the residual stream itself is never normalised until ln_f.
 */
function block(ctx: BuildContext, c: Gpt2Config, x: string, bias: string | ((k: string) => string), layer: number, past?: Cache) {
  const { g } = ctx;
  const h = c.hiddenSize;
  const n = gpt2LayerNames(layer);
  const a = attention(ctx, c, layerNorm(ctx, x, n.ln1, h), bias, layer, past);
  const x1 = g.node('Add', [x, a.out]);
  const wide = geluTanh(ctx.g, conv1d(ctx, layerNorm(ctx, x1, n.ln2, h), n.fc, h, c.innerSize));
  return { out: g.node('Add', [x1, conv1d(ctx, wide, n.proj, c.innerSize, h)]), present: a.present, probs: a.probs };
}

/**
 * ln_f, then lm_head (an nn.Linear [vocab, hidden], transposed once here so the graph has a plain
 * MatMul). Returned as a function: the logit lens applies the same two to every layer.
 */
function outputHead(ctx: BuildContext, c: Gpt2Config): (x: string) => string {
  const w = takeWeight(ctx, GPT2_NAMES.lmHead, [c.vocabSize, c.hiddenSize]);
  const t = new Float32Array(w.length);
  for (let r = 0; r < c.vocabSize; r++) for (let k = 0; k < c.hiddenSize; k++) t[k * c.vocabSize + r] = w[r * c.hiddenSize + k] as number;
  const name = ctx.g.initializer(GPT2_NAMES.lmHead, { dims: [c.hiddenSize, c.vocabSize], data: t }, 'transposed from [vocab, hidden] to [hidden, vocab] for MatMul');
  const gamma = addWeight(ctx, `${GPT2_NAMES.lnF}.weight`, [c.hiddenSize]);
  const beta = addWeight(ctx, `${GPT2_NAMES.lnF}.bias`, [c.hiddenSize]);
  return (x) => ctx.g.node('MatMul', [ctx.g.node('LayerNormalization', [x, gamma, beta], { axis: { i: -1 }, epsilon: { f: ctx.eps } }), name]);
}

/*
 * [5] The logit lens: the model's own ln_f and lm_head read every layer's residual stream as if
 *     it were the last, so the guess can be watched forming layer by layer. Only the top k of each
 *     softmax leave the graph (TopK keeps the lower id first on ties), not [seq, vocab] per layer.
 */
function logitLens(g: GraphBuilder, head: (x: string) => string, hidden: readonly string[], k: number): void {
  const axis0 = g.constant([0], 'int64', [1]);
  const probs: string[] = [];
  const ids: string[] = [];
  for (const h of hidden) {
    const p = g.node('Softmax', [head(h)], { axis: { i: -1 } });
    const [values, indices] = g.nodeOutputs('TopK', [p, g.constant([k], 'int64', [1])], { attrs: { axis: { i: -1 }, largest: { i: 1 }, sorted: { i: 1 } }, outputs: 2 }) as [string, string];
    probs.push(g.node('Unsqueeze', [values, axis0]));
    ids.push(g.node('Unsqueeze', [indices, axis0]));
  }
  g.node('Concat', probs, { axis: { i: 0 } }, LENS_PROBS);
  g.node('Concat', ids, { axis: { i: 0 } }, LENS_IDS);
  const dims = [hidden.length, BATCH, SEQUENCE, k];
  g.output(LENS_PROBS, 'float32', dims);
  g.output(LENS_IDS, 'int64', dims);
}

export function buildGpt2Model(spec: Gpt2ModelSpec): ModelProto {
  const { config: c, withPast, inside } = spec;
  if (c.hiddenSize % c.numHeads !== 0) throw new Error(`n_embd ${c.hiddenSize} is not divisible by ${c.numHeads} heads`);
  if (inside && withPast) throw new Error('The inside outputs are built for a graph without a cache (one pass over the whole text).');
  const g = new GraphBuilder(withPast ? 'gpt2-with-past' : 'gpt2');
  const ctx: BuildContext = { g, weights: spec.weights, eps: c.layerNormEps };
  const d = c.hiddenSize / c.numHeads;
  const inputIds = g.input('input_ids', 'int64', [BATCH, SEQUENCE]);
  const attentionMask = g.input('attention_mask', 'int64', [BATCH, withPast ? TOTAL : SEQUENCE]);
  const seq = dim(ctx, inputIds, 1);
  // [4] Learned absolute positions. With a cache the caller says where the new tokens sit
  //     (position_ids = past length …); without one they are simply 0 … seq − 1.
  const positions = withPast
    ? g.input('position_ids', 'int64', [BATCH, SEQUENCE])
    : g.node('Range', [g.constant([0], 'int64'), seq, g.constant([1], 'int64')]);
  const wte = addWeight(ctx, GPT2_NAMES.wte, [c.vocabSize, c.hiddenSize]);
  const wpe = addWeight(ctx, GPT2_NAMES.wpe, [c.maxPositions, c.hiddenSize]);
  let x = g.node('Add', [g.node('Gather', [wte, inputIds]), g.node('Gather', [wpe, positions])]);
  const pasts: Cache[] = [];
  if (withPast) {
    for (let i = 0; i < c.numLayers; i++) {
      const dims = [BATCH, c.numHeads, PAST, d];
      pasts.push({ key: g.input(`past_key_values.${i}.key`, 'float32', dims), value: g.input(`past_key_values.${i}.value`, 'float32', dims) });
    }
  }
  // The bias depends only on lengths, so one is built (from the first layer's keys) and shared.
  let shared: string | undefined;
  const bias = (k: string) => (shared ??= attentionBias(ctx, attentionMask, seq, dim(ctx, k, 2)));
  const hidden = [x];
  for (let i = 0; i < c.numLayers; i++) {
    const b = block(ctx, c, x, bias, i, pasts[i]);
    x = b.out;
    hidden.push(x);
    if (withPast) {
      g.renameValue(b.present.key, `present.${i}.key`);
      g.renameValue(b.present.value, `present.${i}.value`);
    }
    if (inside) exposeOutput(g, b.probs, attentionOutput(i + 1), [BATCH, c.numHeads, SEQUENCE, SEQUENCE]);
  }
  const head = outputHead(ctx, c);
  g.renameValue(head(x), 'logits');
  g.output('logits', 'float32', [BATCH, SEQUENCE, c.vocabSize]);
  if (inside) {
    hidden.forEach((h, i) => exposeOutput(g, h, hiddenOutput(i), [BATCH, SEQUENCE, c.hiddenSize]));
    logitLens(g, head, hidden, inside.lensTopK);
  }
  if (withPast) {
    for (let i = 0; i < c.numLayers; i++) {
      const dims = [BATCH, c.numHeads, TOTAL, d];
      g.output(`present.${i}.key`, 'float32', dims);
      g.output(`present.${i}.value`, 'float32', dims);
    }
  }
  return g.toModel({ doc: spec.doc });
}
