import { DataType, type ModelProto, type NodeProto, type TensorProto } from './onnx-types';
import type { GraphBuilder } from './graph-builder';
import { makeTensorProto, readFloatTensor } from './tensor';

export interface QuantizeOptions {
  /** Only weights with at least this many values are quantized; small ones cost little and matter more. */
  minElements?: number;
  /** int8 symmetric (zero point 0) instead of the default uint8 asymmetric. */
  signed?: boolean;
}

export interface QuantizedTensor {
  data: Uint8Array | Int8Array;
  scale: number;
  zeroPoint: number;
}

/*
 * [1] Linear (affine) quantization: w ≈ (q − z) · s with one scale s and zero
 *     point z per tensor. uint8: the range [min(w, 0), max(w, 0)] is cut into
 *     255 steps, so s = (max − min) / 255 and z = round(−min / s); including 0 in
 *     the range makes w = 0 exact (q = z), which keeps zero padding and zeroed
 *     weights exactly zero. int8 symmetric: s = max|w| / 127, z = 0.
 *     Rounding to the nearest step errs by at most s / 2 (a value at the very
 *     top of the range can err by up to s, once z has been rounded).
 * `into`: where the 8-bit values go (at least as long as `values`), e.g. the tensor's place in
 * the file of every weight (see externalizeInitializers); a new array by default.
 */
export function quantizeTensor(values: Float32Array, signed = false, into?: Uint8Array): QuantizedTensor {
  // Plain indexed loops: for…of and Array.from with a callback cost seconds on a 110M-value model.
  const n = values.length;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  if (signed) {
    const maxAbs = Math.max(-lo, hi);
    const scale = Math.fround(maxAbs > 0 ? maxAbs / 127 : 1);
    const data = into ? new Int8Array(into.buffer, into.byteOffset, n) : new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const q = Math.round(values[i]! / scale);
      data[i] = q < -127 ? -127 : q > 127 ? 127 : q;
    }
    return { data, scale, zeroPoint: 0 };
  }
  const scale = Math.fround(hi > lo ? (hi - lo) / 255 : 1);
  const zeroPoint = Math.max(0, Math.min(255, Math.round(-lo / scale)));
  const data = into ? into.subarray(0, n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const q = Math.round(values[i]! / scale) + zeroPoint;
    data[i] = q < 0 ? 0 : q > 255 ? 255 : q;
  }
  return { data, scale, zeroPoint };
}

/** The float values a quantized tensor stands for, as DequantizeLinear computes them. */
export function dequantizeTensor(q: QuantizedTensor): Float32Array {
  const out = new Float32Array(q.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (q.data[i]! - q.zeroPoint) * q.scale;
  return out;
}

/**
 * A [rows, cols] quantized matrix turned into [cols, rows] in its own array (scale and zero point
 * are per tensor, so they stay); returns the same tensor.
 * [4] In place, so a checkpoint build never holds a matrix twice: row-major index k = r·cols + c
 *     belongs at c·rows + r (the first and last entries stay). Each cycle of that permutation is
 *     walked once, carrying one value along.
 */
export function transposeQuantizedInPlace(q: QuantizedTensor, rows: number, cols: number): QuantizedTensor {
  const data = q.data;
  const n = rows * cols;
  if (data.length !== n) throw new Error(`transpose: ${data.length} values are not [${rows}, ${cols}]`);
  if (rows === cols) {
    for (let r = 0; r < rows; r++) {
      for (let c = r + 1; c < cols; c++) {
        const t = data[r * cols + c]!;
        data[r * cols + c] = data[c * rows + r]!;
        data[c * rows + r] = t;
      }
    }
    return q;
  }
  const last = n - 1;
  const moved = new Uint8Array(n);
  for (let start = 1; start < last; start++) {
    if (moved[start]) continue;
    let k = start;
    let carried = data[start]!;
    do {
      const r = (k / cols) | 0;
      const to = (k - r * cols) * rows + r;
      const displaced = data[to]!;
      data[to] = carried;
      moved[to] = 1;
      carried = displaced;
      k = to;
    } while (k !== start);
  }
  return q;
}

/**
 * Weights that arrived already quantized (8 bits each, float copy dropped), by Hugging Face name.
 * [3] Handed over to the builder, which takes each one out of the map as the graph takes it in and
 *     turns a matrix into MatMul's layout in its own array [4]: the graph's bytes are the ones that
 *     arrived, never a second copy (85 MB at BERT-base size).
 */
export type PackedWeights = Map<string, QuantizedTensor>;

/** The initializers and the DequantizeLinear node that stand for a float weight `name` in a q8 graph. */
function dequantized(name: string, dims: readonly number[], q: QuantizedTensor, docString?: string) {
  const names = { data: `${name}_quantized`, scale: `${name}_scale`, zero: `${name}_zero_point` };
  const zero = q.data instanceof Int8Array ? Int8Array.of(q.zeroPoint) : Uint8Array.of(q.zeroPoint);
  const initializers = [
    makeTensorProto(names.data, { dims, data: q.data }, docString),
    makeTensorProto(names.scale, { dims: [], data: Float32Array.of(q.scale) }),
    makeTensorProto(names.zero, { dims: [], data: zero }),
  ];
  const node: NodeProto = {
    name: `${name}_DequantizeLinear`,
    op_type: 'DequantizeLinear',
    input: [names.data, names.scale, names.zero],
    output: [name],
    attribute: [],
  };
  return { initializers, node };
}

/**
 * Adds a weight that arrived quantized to a graph being built: the same initializers and
 * DequantizeLinear node quantizeModel would have made from its float copy [2], so every node that
 * reads `name` is built as for a float weight.
 */
export function addQuantizedWeight(g: GraphBuilder, name: string, dims: readonly number[], q: QuantizedTensor, docString?: string): string {
  const { initializers, node } = dequantized(name, dims, q, docString);
  for (const init of initializers) g.addTensorProto(init);
  g.nodeOutputs(node.op_type, node.input, { outputs: node.output, name: node.name });
  return name;
}

/** Initializer names read as weights: MatMul's right operand, Gather's table. */
function weightInputs(nodes: readonly NodeProto[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    if (node.op_type === 'MatMul' && node.input[1]) names.add(node.input[1]);
    if (node.op_type === 'Gather' && node.input[0]) names.add(node.input[0]);
  }
  return names;
}

/*
 * [2] Weight-only quantization (what transformers.js calls the "q8" dtype here):
 *     each large weight W becomes W_quantized (1 byte per value), W_scale and
 *     W_zero_point, and a DequantizeLinear node at the top of the graph that
 *     recreates a float tensor named W. Every node that read W is untouched;
 *     the file shrinks about 4×, the arithmetic stays float32.
 */
export function quantizeModel(model: ModelProto, options: QuantizeOptions = {}): ModelProto {
  const minElements = options.minElements ?? 1024;
  const candidates = weightInputs(model.graph.node);
  const initializers: TensorProto[] = [];
  const dequantizers: NodeProto[] = [];
  for (const init of model.graph.initializer) {
    const count = init.dims.reduce<number>((n, d) => n * Number(d), 1);
    if (!candidates.has(init.name) || init.data_type !== DataType.FLOAT || count < minElements) {
      initializers.push(init);
      continue;
    }
    const { dims, data } = readFloatTensor(init);
    const { initializers: quantized, node } = dequantized(init.name, dims, quantizeTensor(data, options.signed), init.doc_string);
    initializers.push(...quantized);
    dequantizers.push(node);
  }
  return {
    ...model,
    graph: { ...model.graph, initializer: initializers, node: [...dequantizers, ...model.graph.node] },
  };
}
