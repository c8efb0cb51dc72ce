import type { WeightMap } from '../bert-names';
import type { PackedWeights } from '../quantize';
import { GraphBuilder } from '../graph-builder';
import { addWeight, gelu, layerNorm, linear, takeWeight, type BuildContext } from '../layers';
import { attentionOutput, exposeOutput, hiddenOutput } from '../inside-outputs';
import type { ModelProto } from '../onnx-types';
import { decoderLayerPrefix, encoderLayerPrefix, gridOf, VIT_MAE_NAMES as N, vitLayerNames, type VitMaeConfig } from './config';

/** Graph inputs and output, for the worker and the tests. */
export const VIT_MAE_IO = {
  pixels: 'pixel_values',
  keep: 'ids_keep',
  restore: 'ids_restore',
  logits: 'logits',
} as const;

export interface VitMaeModelSpec {
  config: VitMaeConfig;
  /** Tensors by Hugging Face name, e.g. `vit.encoder.layer.0.attention.attention.query.weight`. */
  weights: WeightMap;
  /** Matrices that arrived quantized (a q8 build from a checkpoint); the graph reads them through DequantizeLinear. Emptied as the graph takes them. */
  packed?: PackedWeights;
  doc?: string;
  /**
   * Also output every layer's attention weights (encoder: attentions.i over [CLS] and the kept
   * patches; decoder: decoder_attentions.i over [CLS] and every patch) and the encoder's hidden
   * states (hidden_states.i), as inside-outputs.ts names them.
   */
  inside?: boolean;
}

/** Where a layer's attention weights go: `expose(probs)` makes them a graph output. */
type Expose = ((probs: string) => void) | undefined;

/*
 * [1] Multi-head self-attention without a padding mask (every patch is real):
 *     softmax(Q_h K_hᵀ / √d_head) V_h per head, heads concatenated, then the output projection.
 */
function selfAttention(ctx: BuildContext, x: string, prefix: string, hidden: number, heads: number, expose: Expose): string {
  const { g } = ctx;
  const n = vitLayerNames(prefix);
  const headDim = hidden / heads;
  const split = g.constant([0, 0, heads, headDim], 'int64', [4]);
  const project = (module: string, perm: number[]) =>
    g.node('Transpose', [g.node('Reshape', [linear(ctx, x, module, hidden, hidden), split])], { perm: { ints: perm } });
  const q = project(n.query, [0, 2, 1, 3]);
  const kT = project(n.key, [0, 2, 3, 1]);
  const v = project(n.value, [0, 2, 1, 3]);
  const scores = g.node('Mul', [g.node('MatMul', [q, kT]), g.constant([1 / Math.sqrt(headDim)])]);
  const probs = g.node('Softmax', [scores], { axis: { i: -1 } });
  expose?.(probs);
  const context = g.node('Transpose', [g.node('MatMul', [probs, v])], { perm: { ints: [0, 2, 1, 3] } });
  return linear(ctx, g.node('Reshape', [context, g.constant([0, 0, hidden], 'int64', [3])]), n.attentionOut, hidden, hidden);
}

/*
 * [2] ViT layers are pre-LN (unlike BERT's post-LN): x = x + Attn(LN(x)), then
 *     x = x + MLP(LN(x)) with MLP = Linear → GELU → Linear. The residual stream itself is
 *     never normalised inside the stack; one final LayerNorm does that at the end.
 */
function vitLayer(ctx: BuildContext, x: string, prefix: string, hidden: number, heads: number, inner: number, expose?: Expose): string {
  const { g } = ctx;
  const n = vitLayerNames(prefix);
  const attended = g.node('Add', [x, selfAttention(ctx, layerNorm(ctx, x, n.normBefore, hidden), prefix, hidden, heads, expose)]);
  const wide = gelu(g, linear(ctx, layerNorm(ctx, attended, n.normAfter, hidden), n.ffnIn, hidden, inner));
  return g.node('Add', [attended, linear(ctx, wide, n.ffnOut, inner, hidden)]);
}

/** A slice of a [1, rows, dim] table as its own initializer (named after the source, for Netron). */
function tableRows(ctx: BuildContext, name: string, rows: number, dim: number, from: number, to: number): string {
  const data = takeWeight(ctx, name, [1, rows, dim]).slice(from * dim, to * dim);
  return ctx.g.initializer(`${name}[${from}:${to}]`, { dims: [1, to - from, dim], data }, `rows ${from}…${to - 1} of ${name}`);
}

/*
 * [3] Patch embedding: a Conv2d with kernel = stride = patch size is a matrix product on
 *     non-overlapping patches. Reshape [1, C, S, S] → [1, C, n, p, n, p], move the patch grid
 *     forward → [1, n, n, C, p, p], flatten each patch to C·p·p values (the conv kernel's own
 *     order: channel, row, column) and multiply by the kernel seen as a [hidden, C·p·p] matrix.
 */
function patchEmbeddings(ctx: BuildContext, c: VitMaeConfig, pixels: string): string {
  const { g } = ctx;
  const { side, patches } = gridOf(c);
  const p = c.patchSize;
  const grid = g.node('Reshape', [pixels, g.constant([1, c.numChannels, side, p, side, p], 'int64', [6])]);
  const moved = g.node('Transpose', [grid], { perm: { ints: [0, 2, 4, 1, 3, 5] } });
  const flat = g.node('Reshape', [moved, g.constant([1, patches, c.numChannels * p * p], 'int64', [3])]);
  return linear(ctx, flat, N.patch, c.numChannels * p * p, c.hiddenSize);
}

/**
 * ViTMAEForPreTraining as one ONNX graph: pixel_values [1, C, S, S], ids_keep [kept] and
 * ids_restore [N] (the mask, chosen outside the graph) → logits [1, N, p·p·C], the predicted
 * (normalised) pixels of every patch in HF's patchify order (row, column, channel).
 */
export function buildVitMaeModel(spec: VitMaeModelSpec): ModelProto {
  const c = spec.config;
  for (const [h, heads, what] of [
    [c.hiddenSize, c.numHeads, 'encoder'],
    [c.decoderHiddenSize, c.decoderHeads, 'decoder'],
  ] as const) {
    if (h % heads !== 0) throw new Error(`${what} width ${h} is not divisible by ${heads} heads`);
  }
  const { patches, patchDim } = gridOf(c);
  const g = new GraphBuilder('vit_mae');
  const ctx: BuildContext = { g, weights: spec.weights, packed: spec.packed, eps: c.layerNormEps };
  const h = c.hiddenSize;
  const d = c.decoderHiddenSize;
  const pixels = g.input(VIT_MAE_IO.pixels, 'float32', [1, c.numChannels, c.imageSize, c.imageSize]);
  const keep = g.input(VIT_MAE_IO.keep, 'int64', ['num_kept']);
  const restore = g.input(VIT_MAE_IO.restore, 'int64', [patches]);

  // [4] Positions are added to every patch first; then only the kept patches go on (random_masking).
  const placed = g.node('Add', [patchEmbeddings(ctx, c, pixels), tableRows(ctx, N.position, patches + 1, h, 1, patches + 1)]);
  const visible = g.node('Gather', [placed, keep], { axis: { i: 1 } });
  const cls = g.node('Add', [addWeight(ctx, N.cls, [1, 1, h]), tableRows(ctx, N.position, patches + 1, h, 0, 1)]);
  let x = g.node('Concat', [cls, visible], { axis: { i: 1 } });
  const inside = spec.inside === true;
  const expose = (name: string, heads: number, length: number | string): Expose => (inside ? (probs) => exposeOutput(g, probs, name, [1, heads, length, length]) : undefined);
  if (inside) exposeOutput(g, x, hiddenOutput(0), [1, 'num_kept + 1', h]);
  for (let i = 0; i < c.numLayers; i++) {
    x = vitLayer(ctx, x, encoderLayerPrefix(i), h, c.numHeads, c.intermediateSize, expose(attentionOutput(i + 1), c.numHeads, 'num_kept + 1'));
    if (inside) exposeOutput(g, x, hiddenOutput(i + 1), [1, 'num_kept + 1', h]);
  }
  x = layerNorm(ctx, x, N.encoderNorm, h);

  /*
   * [5] The decoder: project to its own width, append one shared mask_token per hidden patch,
   *     and put every token back in its place with ids_restore (x_[i] = seq[ids_restore[i]]):
   *     kept patches come first in the shuffled order, mask tokens after. N copies of the mask
   *     token are appended, at least as many as are hidden; the extra ones are never gathered.
   */
  const y = linear(ctx, x, N.decoderEmbed, h, d);
  const decodedCls = g.node('Slice', [y, g.constant([0], 'int64', [1]), g.constant([1], 'int64', [1]), g.constant([1], 'int64', [1])]);
  const decodedPatches = g.node('Slice', [y, g.constant([1], 'int64', [1]), g.constant([1_000_000_000], 'int64', [1]), g.constant([1], 'int64', [1])]);
  const maskTokens = g.node('Expand', [addWeight(ctx, N.maskToken, [1, 1, d]), g.constant([1, patches, d], 'int64', [3])]);
  const shuffled = g.node('Concat', [decodedPatches, maskTokens], { axis: { i: 1 } });
  const unshuffled = g.node('Gather', [shuffled, restore], { axis: { i: 1 } });
  let z = g.node('Add', [g.node('Concat', [decodedCls, unshuffled], { axis: { i: 1 } }), addWeight(ctx, N.decoderPosition, [1, patches + 1, d])]);
  for (let i = 0; i < c.decoderLayers; i++) z = vitLayer(ctx, z, decoderLayerPrefix(i), d, c.decoderHeads, c.decoderIntermediateSize, expose(attentionOutput(i + 1, 'decoder'), c.decoderHeads, patches + 1));
  const predicted = linear(ctx, layerNorm(ctx, z, N.decoderNorm, d), N.decoderPred, d, patchDim);
  // [6] The [CLS] row predicts nothing: drop it (HF: logits[:, 1:, :]).
  g.node('Slice', [predicted, g.constant([1], 'int64', [1]), g.constant([patches + 1], 'int64', [1]), g.constant([1], 'int64', [1])], undefined, VIT_MAE_IO.logits);
  g.output(VIT_MAE_IO.logits, 'float32', [1, patches, patchDim]);
  return g.toModel({ doc: spec.doc });
}
