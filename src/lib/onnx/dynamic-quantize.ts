import { AttributeType, DataType, toNumber, type AttributeProto, type ModelProto, type NodeProto } from './onnx-types';
import { quantizeModel, type QuantizeOptions } from './quantize';

/*
 * [1] Dynamic quantization, as real q8 exports do it (onnxruntime's quantize_dynamic): the weights
 *     are 8-bit ahead of time, and each activation x that meets one is quantized on the fly,
 *     per tensor and per run: DynamicQuantizeLinear picks x's scale s_x and zero point z_x from its
 *     own min and max. Then
 *         x·W ≈ s_x·s_w · Σ (q_x − z_x)(q_w − z_w)
 *     is one integer matrix product (MatMulInteger, exact in int32), one Cast and one multiply by
 *     s_x·s_w. ONNX Runtime fuses the four into one kernel that multiplies bytes with SIMD instead
 *     of floats, about four values per float's work. The price is a second rounding (of x), which
 *     the tests measure against the float reference.
 * [2] An embedding table is only looked up: Gather picks the 8-bit rows the tokens name and only
 *     those are turned back into floats, instead of the whole table on every run.
 */

function node(op_type: string, input: string[], output: string[], name: string, attribute: AttributeProto[] = []): NodeProto {
  return { name, op_type, input, output, attribute };
}

const axisOf = (n: NodeProto) => toNumber(n.attribute?.find((a) => a.name === 'axis')?.i);

/**
 * Turns a weight-quantized graph (quantizeModel's, or one built from PackedWeights) into a
 * dynamically quantized one [1][2]: every MatMul whose right operand is an 8-bit weight behind a
 * DequantizeLinear becomes MatMulInteger on the quantized activation, every Gather from such a
 * table gathers bytes. A DequantizeLinear that something else still reads (a tied decoder's
 * Transpose, a Slice of the position table) stays.
 */
export function quantizeActivations(model: ModelProto): ModelProto {
  const eightBit = new Set(model.graph.initializer.filter((t) => t.data_type === DataType.UINT8 || t.data_type === DataType.INT8).map((t) => t.name));
  const weights = new Map<string, NodeProto>();
  for (const n of model.graph.node) {
    if (n.op_type === 'DequantizeLinear' && n.input.length === 3 && n.input.every((i) => i !== '') && eightBit.has(n.input[0]!)) weights.set(n.output[0]!, n);
  }
  const matmul = (n: NodeProto) => n.op_type === 'MatMul' && weights.has(n.input[1]!) && !weights.has(n.input[0]!);
  const gather = (n: NodeProto) => n.op_type === 'Gather' && weights.has(n.input[0]!) && axisOf(n) === 0;
  const stillRead = new Set(model.graph.output.map((o) => o.name));
  for (const n of model.graph.node) {
    n.input.forEach((input, k) => {
      const rewritten = (matmul(n) && k === 1) || (gather(n) && k === 0);
      if (weights.has(input) && !rewritten) stillRead.add(input);
    });
  }
  const quantizedActivations = new Map<string, string[]>();
  const nodes: NodeProto[] = [];
  for (const n of model.graph.node) {
    const weight = weights.get(n.output[0]!);
    if (weight === n) {
      if (stillRead.has(n.output[0]!)) nodes.push(n);
    } else if (matmul(n)) {
      const x = n.input[0]!;
      const [wq, ws, wz] = weights.get(n.input[1]!)!.input as [string, string, string];
      let xq = quantizedActivations.get(x);
      if (!xq) {
        // One DynamicQuantizeLinear per activation, shared by every MatMul that reads it (Q, K and V).
        xq = [`${x}_quantized`, `${x}_scale`, `${x}_zero_point`];
        nodes.push(node('DynamicQuantizeLinear', [x], xq, `${x}_DynamicQuantizeLinear`));
        quantizedActivations.set(x, xq);
      }
      const [q, s, z] = xq as [string, string, string];
      nodes.push(
        node('MatMulInteger', [q, wq, z, wz], [`${n.name}_int32`], `${n.name}_MatMulInteger`),
        node('Cast', [`${n.name}_int32`], [`${n.name}_cast`], `${n.name}_Cast`, [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT }]),
        node('Mul', [s, ws], [`${n.name}_scale`], `${n.name}_ScaleMul`),
        node('Mul', [`${n.name}_cast`, `${n.name}_scale`], n.output, `${n.name}_Mul`),
      );
    } else if (gather(n)) {
      const [wq, ws, wz] = weights.get(n.input[0]!)!.input as [string, string, string];
      nodes.push(
        { ...n, input: [wq, n.input[1]!], output: [`${n.name}_quantized`] },
        node('DequantizeLinear', [`${n.name}_quantized`, ws, wz], n.output, `${n.name}_DequantizeLinear`),
      );
    } else nodes.push(n);
  }
  return { ...model, graph: { ...model.graph, node: nodes } };
}

/**
 * A q8 (or, `signed`, int8) export as the Hub's are written (onnxruntime's quantize_dynamic):
 * 8-bit weights (quantizeModel), and every activation that meets one quantized on the fly [1][2].
 */
export function quantizeDynamic(model: ModelProto, options: QuantizeOptions = {}): ModelProto {
  return quantizeActivations(quantizeModel(model, options));
}
