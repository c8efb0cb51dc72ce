import type { WeightMap } from './bert-names';
import type { GraphBuilder } from './graph-builder';
import { addQuantizedWeight, transposeQuantizedInPlace, type PackedWeights } from './quantize';

/** What every layer helper needs: the graph being built and the checkpoint's tensors. */
export interface BuildContext {
  g: GraphBuilder;
  weights: WeightMap;
  /** Weights that arrived quantized (a q8 checkpoint build): looked up before `weights`. */
  packed?: PackedWeights;
  eps: number;
}

/** The weight as it arrived quantized, checked for size, if it did; the map lets go of it (see PackedWeights). */
function takePacked(ctx: Pick<BuildContext, 'packed'>, name: string, dims: readonly number[]) {
  const q = ctx.packed?.get(name);
  ctx.packed?.delete(name);
  const expected = dims.reduce((a, b) => a * b, 1);
  if (q && q.data.length !== expected) throw new Error(`Weight ${name} has ${q.data.length} values, expected [${dims.join(', ')}] = ${expected}`);
  return q;
}

/** Looks a tensor up by its Hugging Face name and checks its size. */
export function takeWeight(ctx: Pick<BuildContext, 'weights'>, name: string, dims: readonly number[]): Float32Array {
  const data = ctx.weights[name];
  const expected = dims.reduce((a, b) => a * b, 1);
  if (!data) throw new Error(`Missing weight ${name} [${dims.join(', ')}]`);
  if (data.length !== expected) {
    throw new Error(`Weight ${name} has ${data.length} values, expected [${dims.join(', ')}] = ${expected}`);
  }
  return data;
}

/** Adds a checkpoint tensor unchanged (embeddings, biases, norms). */
export function addWeight(ctx: BuildContext, name: string, dims: readonly number[]): string {
  const q = takePacked(ctx, name, dims);
  if (q) return addQuantizedWeight(ctx.g, name, dims, q);
  return ctx.g.initializer(name, { dims, data: takeWeight(ctx, name, dims) });
}

function transpose(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c] as number;
  return out;
}

const TRANSPOSED = 'transposed from PyTorch [out, in] to [in, out] for MatMul';

/** nn.Linear's weight [out, in] as MatMul's right operand [in, out] (8-bit if it arrived so). */
function matmulWeight(ctx: Pick<BuildContext, 'g' | 'weights' | 'packed'>, name: string, inDim: number, outDim: number): string {
  const q = takePacked(ctx, name, [outDim, inDim]);
  if (q) return addQuantizedWeight(ctx.g, name, [inDim, outDim], transposeQuantizedInPlace(q, outDim, inDim), TRANSPOSED);
  const w = takeWeight(ctx, name, [outDim, inDim]);
  return ctx.g.initializer(name, { dims: [inDim, outDim], data: transpose(w, outDim, inDim) }, TRANSPOSED);
}

/**
 * y = x·Wᵀ + b, PyTorch's nn.Linear [1]. The weight is transposed once here so
 * the graph has a plain MatMul; it keeps its Hugging Face name.
 *
 * [1] nn.Linear stores W as [out, in]; MatMul wants its right operand as [in, out].
 */
export function linear(ctx: BuildContext, x: string, module: string, inDim: number, outDim: number): string {
  const wName = matmulWeight(ctx, `${module}.weight`, inDim, outDim);
  const b = addWeight(ctx, `${module}.bias`, [outDim]);
  return ctx.g.node('Add', [ctx.g.node('MatMul', [x, wName]), b]);
}

/**
 * y = x·Wᵀ, nn.Linear without a bias (T5, Llama), transposed once here as in `linear` [1].
 */
export function linearNoBias(ctx: Pick<BuildContext, 'g' | 'weights' | 'packed'>, x: string, name: string, inDim: number, outDim: number): string {
  return ctx.g.node('MatMul', [x, matmulWeight(ctx, name, inDim, outDim)]);
}

/**
 * Root-mean-square norm (T5LayerNorm, LlamaRMSNorm): y = x / √(mean(x²) + eps) · w. No mean is
 * subtracted and there is no bias; opset 17 has no RMSNormalization op, so it is spelled out.
 */
export function rmsNormalize(g: GraphBuilder, x: string, weight: string, eps: number): string {
  const meanSquare = g.node('ReduceMean', [g.node('Mul', [x, x])], { axes: { ints: [-1] }, keepdims: { i: 1 } });
  const rms = g.node('Sqrt', [g.node('Add', [meanSquare, g.constant([eps])])]);
  return g.node('Mul', [g.node('Div', [x, rms]), weight]);
}

/**
 * LayerNorm over the hidden axis [2]: y = (x − mean) / √(var + eps) · γ + β.
 * Hugging Face calls γ and β `weight` and `bias` (old TF checkpoints: gamma/beta).
 *
 * [2] ONNX LayerNormalization (opset 17) with axis −1 normalises each token on its own.
 */
export function layerNorm(ctx: BuildContext, x: string, module: string, hidden: number): string {
  const gamma = addWeight(ctx, `${module}.weight`, [hidden]);
  const beta = addWeight(ctx, `${module}.bias`, [hidden]);
  return ctx.g.node('LayerNormalization', [x, gamma, beta], { axis: { i: -1 }, epsilon: { f: ctx.eps } });
}

/**
 * Exact GELU [3]: x · Φ(x) = 0.5 · x · (1 + erf(x / √2)). Opset 17 has no Gelu op;
 * ONNX Runtime fuses this pattern back into one kernel.
 *
 * [3] BERT and DistilBERT use the erf form, not the tanh approximation.
 */
export function gelu(g: GraphBuilder, x: string): string {
  const scaled = g.node('Div', [x, g.constant([Math.SQRT2])]);
  const phi2 = g.node('Add', [g.node('Erf', [scaled]), g.constant([1])]);
  return g.node('Mul', [g.node('Mul', [x, phi2]), g.constant([0.5])]);
}

/** The [CLS] token's vector (position 0): [batch, seq, hidden] → [batch, hidden]. */
export function firstToken(g: GraphBuilder, x: string): string {
  return g.node('Gather', [x, g.constant([0], 'int64')], { axis: { i: 1 } });
}

/** "gelu_new" (GPT-2, T5 v1.1): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), the tanh approximation of GELU. */
export function geluTanh(g: GraphBuilder, x: string): string {
  const cube = g.node('Mul', [g.node('Mul', [x, x]), x]);
  const inner = g.node('Mul', [g.node('Add', [x, g.node('Mul', [cube, g.constant([0.044715])])]), g.constant([Math.sqrt(2 / Math.PI)])]);
  const onePlus = g.node('Add', [g.node('Tanh', [inner]), g.constant([1])]);
  return g.node('Mul', [g.node('Mul', [x, onePlus]), g.constant([0.5])]);
}
