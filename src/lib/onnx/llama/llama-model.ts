import { attentionBias, dim } from '../decoder-mask';
import type { WeightMap } from '../bert-names';
import { GraphBuilder } from '../graph-builder';
import { addWeight, linearNoBias, rmsNormalize, takeWeight, type BuildContext } from '../layers';
import type { ModelProto } from '../onnx-types';

/*
 * A Llama decoder (LlamaForCausalLM: SmolLM2, Llama, …) as an ONNX graph laid out like the
 * transformers.js exports: input_ids, attention_mask, position_ids, past_key_values.<i>.key/value →
 * logits, present.<i>.key/value. The cache holds the key/value heads only,
 * [batch, num_key_value_heads, past, head_dim], as the library makes it from the config.
 */

export interface LlamaConfig {
  vocabSize: number;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  /** Grouped-query attention: fewer key/value heads than query heads, each shared by numHeads / numKeyValueHeads queries. */
  numKeyValueHeads: number;
  intermediateSize: number;
  maxPositions: number;
  rmsNormEps: number;
  ropeTheta: number;
}

export function llamaLayerNames(i: number) {
  const p = `model.layers.${i}`;
  return {
    inputNorm: `${p}.input_layernorm.weight`,
    q: `${p}.self_attn.q_proj.weight`,
    k: `${p}.self_attn.k_proj.weight`,
    v: `${p}.self_attn.v_proj.weight`,
    o: `${p}.self_attn.o_proj.weight`,
    postNorm: `${p}.post_attention_layernorm.weight`,
    gate: `${p}.mlp.gate_proj.weight`,
    up: `${p}.mlp.up_proj.weight`,
    down: `${p}.mlp.down_proj.weight`,
  };
}

export const LLAMA_NAMES = { embed: 'model.embed_tokens.weight', norm: 'model.norm.weight' } as const;

/** Every tensor with its PyTorch shape; the LM head is tied to the embeddings (tie_word_embeddings), as in SmolLM2. */
export function llamaWeightShapes(c: LlamaConfig): [string, number[]][] {
  const d = c.hiddenSize / c.numHeads;
  const kv = c.numKeyValueHeads * d;
  const shapes: [string, number[]][] = [[LLAMA_NAMES.embed, [c.vocabSize, c.hiddenSize]]];
  for (let i = 0; i < c.numLayers; i++) {
    const n = llamaLayerNames(i);
    shapes.push([n.inputNorm, [c.hiddenSize]], [n.q, [c.hiddenSize, c.hiddenSize]], [n.k, [kv, c.hiddenSize]], [n.v, [kv, c.hiddenSize]], [n.o, [c.hiddenSize, c.hiddenSize]]);
    shapes.push([n.postNorm, [c.hiddenSize]], [n.gate, [c.intermediateSize, c.hiddenSize]], [n.up, [c.intermediateSize, c.hiddenSize]], [n.down, [c.hiddenSize, c.intermediateSize]]);
  }
  shapes.push([LLAMA_NAMES.norm, [c.hiddenSize]]);
  return shapes;
}

const BATCH = 'batch_size';
const SEQUENCE = 'sequence_length';
const PAST = 'past_sequence_length';
const TOTAL = 'total_sequence_length';

/*
 * [1] Rotary positions (RoPE): no position table is added to the tokens; instead each query and key
 *     is rotated by an angle that grows with its position, pair by pair of dimensions, at frequencies
 *     θ^(−2j/d). Then q·k depends on the two positions only through their distance. Hugging Face's
 *     layout pairs dimension j with j + d/2: x·cos + rotate_half(x)·sin, rotate_half(x) = (−x₂, x₁).
 */
function ropeTables(g: GraphBuilder, c: LlamaConfig): { cos: string; sin: string } {
  const d = c.hiddenSize / c.numHeads;
  const cos = new Float32Array(c.maxPositions * d);
  const sin = new Float32Array(c.maxPositions * d);
  for (let p = 0; p < c.maxPositions; p++) {
    for (let j = 0; j < d / 2; j++) {
      const angle = p * c.ropeTheta ** ((-2 * j) / d);
      for (const at of [j, j + d / 2]) {
        cos[p * d + at] = Math.cos(angle);
        sin[p * d + at] = Math.sin(angle);
      }
    }
  }
  return {
    cos: g.initializer('rope_cos', { dims: [c.maxPositions, d], data: cos }, 'cos(position · θ^(−2j/d)), computed'),
    sin: g.initializer('rope_sin', { dims: [c.maxPositions, d], data: sin }, 'sin(position · θ^(−2j/d)), computed'),
  };
}

/** [1] x [b, heads, s, d] rotated by the angles of its positions (cos, sin: [b, 1, s, d]). */
function rotate(g: GraphBuilder, x: string, cos: string, sin: string, d: number): string {
  const [x1, x2] = g.nodeOutputs('Split', [x, g.constant([d / 2, d / 2], 'int64', [2])], { attrs: { axis: { i: -1 } }, outputs: 2 }) as [string, string];
  const half = g.node('Concat', [g.node('Neg', [x2]), x1], { axis: { i: -1 } });
  return g.node('Add', [g.node('Mul', [x, cos]), g.node('Mul', [half, sin])]);
}

/*
 * [2] Grouped-query attention: the cache keeps numKeyValueHeads heads; each is repeated for the
 *     numHeads / numKeyValueHeads query heads that share it, right before the scores.
 */
function attention(ctx: BuildContext, c: LlamaConfig, x: string, layer: number, rope: { cos: string; sin: string }, bias: (k: string) => string, past: { key: string; value: string }) {
  const { g } = ctx;
  const d = c.hiddenSize / c.numHeads;
  const n = llamaLayerNames(layer);
  const kvWidth = c.numKeyValueHeads * d;
  const heads = (t: string, count: number) => g.node('Transpose', [g.node('Reshape', [t, g.constant([0, 0, count, d], 'int64', [4])])], { perm: { ints: [0, 2, 1, 3] } });
  const q = rotate(g, heads(linearNoBias(ctx, x, n.q, c.hiddenSize, c.hiddenSize), c.numHeads), rope.cos, rope.sin, d);
  const kNew = rotate(g, heads(linearNoBias(ctx, x, n.k, c.hiddenSize, kvWidth), c.numKeyValueHeads), rope.cos, rope.sin, d);
  const vNew = heads(linearNoBias(ctx, x, n.v, c.hiddenSize, kvWidth), c.numKeyValueHeads);
  const k = g.node('Concat', [past.key, kNew], { axis: { i: 2 } });
  const v = g.node('Concat', [past.value, vNew], { axis: { i: 2 } });
  const repeat = (t: string) => {
    const tiled = g.node('Tile', [g.node('Unsqueeze', [t, g.constant([2], 'int64', [1])]), g.constant([1, 1, c.numHeads / c.numKeyValueHeads, 1, 1], 'int64', [5])]);
    return g.node('Reshape', [tiled, g.constant([0, c.numHeads, -1, d], 'int64', [4])]); // [2]
  };
  const scores = g.node('Mul', [g.node('MatMul', [q, g.node('Transpose', [repeat(k)], { perm: { ints: [0, 1, 3, 2] } })]), g.constant([1 / Math.sqrt(d)])]);
  const probs = g.node('Softmax', [g.node('Add', [scores, bias(k)])], { axis: { i: -1 } });
  const context = g.node('Transpose', [g.node('MatMul', [probs, repeat(v)])], { perm: { ints: [0, 2, 1, 3] } });
  const merged = g.node('Reshape', [context, g.constant([0, 0, c.hiddenSize], 'int64', [3])]);
  return { out: linearNoBias(ctx, merged, n.o, c.hiddenSize, c.hiddenSize), present: { key: k, value: v } };
}

/** [3] SwiGLU: down(silu(gate(x)) · up(x)), with silu(z) = z · sigmoid(z). */
function mlp(ctx: BuildContext, c: LlamaConfig, x: string, layer: number): string {
  const { g } = ctx;
  const n = llamaLayerNames(layer);
  const gate = linearNoBias(ctx, x, n.gate, c.hiddenSize, c.intermediateSize);
  const silu = g.node('Mul', [gate, g.node('Sigmoid', [gate])]);
  return linearNoBias(ctx, g.node('Mul', [silu, linearNoBias(ctx, x, n.up, c.hiddenSize, c.intermediateSize)]), n.down, c.intermediateSize, c.hiddenSize);
}

export function buildLlamaModel(spec: { config: LlamaConfig; weights: WeightMap; doc?: string }): ModelProto {
  const c = spec.config;
  if (c.hiddenSize % c.numHeads !== 0 || c.numHeads % c.numKeyValueHeads !== 0) throw new Error('heads must divide the width, and key/value heads the heads');
  const g = new GraphBuilder('llama-with-past');
  const ctx: BuildContext = { g, weights: spec.weights, eps: c.rmsNormEps };
  const d = c.hiddenSize / c.numHeads;
  const inputIds = g.input('input_ids', 'int64', [BATCH, SEQUENCE]);
  const attentionMask = g.input('attention_mask', 'int64', [BATCH, TOTAL]);
  const positionIds = g.input('position_ids', 'int64', [BATCH, SEQUENCE]);
  const pasts = Array.from({ length: c.numLayers }, (_, i) => ({
    key: g.input(`past_key_values.${i}.key`, 'float32', [BATCH, c.numKeyValueHeads, PAST, d]),
    value: g.input(`past_key_values.${i}.value`, 'float32', [BATCH, c.numKeyValueHeads, PAST, d]),
  }));
  const tables = ropeTables(g, c);
  const atPositions = (table: string) => g.node('Unsqueeze', [g.node('Gather', [table, positionIds]), g.constant([1], 'int64', [1])]); // [b, 1, s, d]
  const rope = { cos: atPositions(tables.cos), sin: atPositions(tables.sin) };
  const embed = addWeight(ctx, LLAMA_NAMES.embed, [c.vocabSize, c.hiddenSize]);
  let x = g.node('Gather', [embed, inputIds]);
  const seq = dim(ctx, inputIds, 1);
  let shared: string | undefined;
  const bias = (k: string) => (shared ??= attentionBias(ctx, attentionMask, seq, dim(ctx, k, 2)));
  const norm = (t: string, name: string) => rmsNormalize(g, t, addWeight(ctx, name, [c.hiddenSize]), c.rmsNormEps);
  for (let i = 0; i < c.numLayers; i++) {
    const n = llamaLayerNames(i);
    // Pre-norm residual blocks, as GPT-2 but with RMS norms: x + attn(norm(x)), then x + mlp(norm(x)).
    const a = attention(ctx, c, norm(x, n.inputNorm), i, rope, bias, pasts[i]!);
    x = g.node('Add', [x, a.out]);
    x = g.node('Add', [x, mlp(ctx, c, norm(x, n.postNorm), i)]);
    g.renameValue(a.present.key, `present.${i}.key`);
    g.renameValue(a.present.value, `present.${i}.value`);
  }
  // The LM head is the embedding table turned around (tie_word_embeddings).
  const table = takeWeight(ctx, LLAMA_NAMES.embed, [c.vocabSize, c.hiddenSize]);
  const head = new Float32Array(table.length);
  for (let r = 0; r < c.vocabSize; r++) for (let k = 0; k < c.hiddenSize; k++) head[k * c.vocabSize + r] = table[r * c.hiddenSize + k]!;
  const lmHead = g.initializer('lm_head.weight', { dims: [c.hiddenSize, c.vocabSize] , data: head }, 'tied to model.embed_tokens.weight, transposed for MatMul');
  g.renameValue(g.node('MatMul', [norm(x, LLAMA_NAMES.norm), lmHead]), 'logits');
  g.output('logits', 'float32', [BATCH, SEQUENCE, c.vocabSize]);
  for (let i = 0; i < c.numLayers; i++) {
    g.output(`present.${i}.key`, 'float32', [BATCH, c.numKeyValueHeads, TOTAL, d]);
    g.output(`present.${i}.value`, 'float32', [BATCH, c.numKeyValueHeads, TOTAL, d]);
  }
  return g.toModel({ doc: spec.doc });
}
