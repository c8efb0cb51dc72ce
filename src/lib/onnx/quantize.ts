import { DataType, type ModelProto, type NodeProto, type TensorProto } from './onnx-types';
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
 */
export function quantizeTensor(values: Float32Array, signed = false): QuantizedTensor {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (signed) {
    const maxAbs = Math.max(-lo, hi);
    const scale = Math.fround(maxAbs > 0 ? maxAbs / 127 : 1);
    const data = Int8Array.from(values, (v) => Math.max(-127, Math.min(127, Math.round(v / scale))));
    return { data, scale, zeroPoint: 0 };
  }
  const scale = Math.fround(hi > lo ? (hi - lo) / 255 : 1);
  const zeroPoint = Math.max(0, Math.min(255, Math.round(-lo / scale)));
  const data = Uint8Array.from(values, (v) => Math.max(0, Math.min(255, Math.round(v / scale) + zeroPoint)));
  return { data, scale, zeroPoint };
}

/** The float values a quantized tensor stands for, as DequantizeLinear computes them. */
export function dequantizeTensor(q: QuantizedTensor): Float32Array {
  return Float32Array.from(q.data, (v) => (v - q.zeroPoint) * q.scale);
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
    const q = quantizeTensor(data, options.signed);
    const names = {
      data: `${init.name}_quantized`,
      scale: `${init.name}_scale`,
      zero: `${init.name}_zero_point`,
    };
    const zero = options.signed ? Int8Array.of(q.zeroPoint) : Uint8Array.of(q.zeroPoint);
    initializers.push(
      makeTensorProto(names.data, { dims, data: q.data }, init.doc_string),
      makeTensorProto(names.scale, { dims: [], data: Float32Array.of(q.scale) }),
      makeTensorProto(names.zero, { dims: [], data: zero }),
    );
    dequantizers.push({
      name: `${init.name}_DequantizeLinear`,
      op_type: 'DequantizeLinear',
      input: [names.data, names.scale, names.zero],
      output: [init.name],
      attribute: [],
    });
  }
  return {
    ...model,
    graph: { ...model.graph, initializer: initializers, node: [...dequantizers, ...model.graph.node] },
  };
}
