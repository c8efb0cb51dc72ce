import { floatToHalf } from '../safetensors/half';
import { AttributeType, DataType, type ModelProto, type NodeProto, type TensorProto } from './onnx-types';
import { readFloatTensor } from './tensor';

/*
 * The "fp16" file of an export, as transformers.js meets it: [1] every weight stored in float16 (half
 * the bytes), [2] every float output (logits, hidden states) handed back in float16, so a reader must
 * convert before doing maths with it. Inside, the weights are cast back to float32 and the arithmetic
 * stays float32 (real fp16 exports also compute in float16; that is invisible from outside the graph).
 */
export function toHalfPrecision(model: ModelProto): ModelProto {
  const casts: NodeProto[] = [];
  const initializers: TensorProto[] = model.graph.initializer.map((init) => {
    // Scalar constants stay float32: a mask's −3.4e38 would become −∞ in float16, and 0 · −∞ is NaN.
    if (init.data_type !== DataType.FLOAT || init.dims.length === 0) return init;
    const { dims, data } = readFloatTensor(init);
    const half = Uint16Array.from(data, floatToHalf); // [1]
    casts.push({ name: `${init.name}_to_float32`, op_type: 'Cast', input: [`${init.name}_fp16`], output: [init.name], attribute: [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT }] });
    return { name: `${init.name}_fp16`, dims, data_type: DataType.FLOAT16, raw_data: new Uint8Array(half.buffer) };
  });
  const outputs = model.graph.output.map((o) => (o.type.tensor_type.elem_type === DataType.FLOAT ? o.name : null)).filter((n): n is string => n !== null);
  const rename = (name: string) => (outputs.includes(name) ? `${name}_float32` : name);
  const nodes = model.graph.node.map((n) => ({ ...n, input: n.input.map(rename), output: n.output.map(rename) }));
  for (const name of outputs) {
    nodes.push({ name: `${name}_to_float16`, op_type: 'Cast', input: [`${name}_float32`], output: [name], attribute: [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT16 }] }); // [2]
  }
  const output = model.graph.output.map((o) => (outputs.includes(o.name) ? { ...o, type: { tensor_type: { ...o.type.tensor_type, elem_type: DataType.FLOAT16 } } } : o));
  return { ...model, graph: { ...model.graph, initializer: initializers, node: [...casts, ...nodes], output } };
}
