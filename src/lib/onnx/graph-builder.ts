import { encodeModel } from './onnx-encode';
import { modelProtoType } from './onnx-schema';
import {
  AttributeType,
  DataType,
  type AttributeProto,
  type ModelProto,
  type NodeProto,
  type TensorProto,
  type ValueInfoProto,
} from './onnx-types';
import { makeTensorProto, type DenseTensor } from './tensor';

/** A dimension: a fixed size, or a symbolic name such as 'batch_size'. */
export type Dim = number | string;

/** Attribute values are tagged so a float attribute that happens to be whole never turns into an int. */
export type Attr = { i: number } | { f: number } | { ints: number[] } | { floats: number[] } | { s: string };

export type ElemType = 'float32' | 'int64';

const ELEM_TYPES: Record<ElemType, number> = { float32: DataType.FLOAT, int64: DataType.INT64 };

/** ir_version 8 pairs with opset 17 (ONNX 1.12), which has LayerNormalization. */
export const IR_VERSION = 8;
export const OPSET = 17;

function valueInfo(name: string, type: ElemType, dims: readonly Dim[]): ValueInfoProto {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: ELEM_TYPES[type],
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) },
      },
    },
  };
}

function attribute(name: string, value: Attr): AttributeProto {
  if ('i' in value) return { name, type: AttributeType.INT, i: value.i };
  if ('f' in value) return { name, type: AttributeType.FLOAT, f: value.f };
  if ('ints' in value) return { name, type: AttributeType.INTS, ints: value.ints };
  if ('floats' in value) return { name, type: AttributeType.FLOATS, floats: value.floats };
  return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value.s) };
}

/**
 * Collects inputs, initializers and nodes in the order they are added. Nodes must
 * be added after everything they read, which is also the order ONNX requires
 * (the node list is topologically sorted).
 */
export class GraphBuilder {
  private readonly nodes: NodeProto[] = [];
  private readonly initializers = new Map<string, TensorProto>();
  private readonly inputs: ValueInfoProto[] = [];
  private readonly outputs: ValueInfoProto[] = [];
  private readonly opCounts = new Map<string, number>();

  constructor(readonly name: string) {}

  input(name: string, type: ElemType, dims: readonly Dim[]): string {
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  output(name: string, type: ElemType, dims: readonly Dim[]): string {
    this.outputs.push(valueInfo(name, type, dims));
    return name;
  }

  initializer(name: string, tensor: DenseTensor, docString?: string): string {
    if (this.initializers.has(name)) throw new Error(`Initializer ${name} added twice`);
    this.initializers.set(name, makeTensorProto(name, tensor, docString));
    return name;
  }

  /** An initializer made elsewhere (an 8-bit weight with its scale and zero point). */
  addTensorProto(tensor: TensorProto): string {
    if (this.initializers.has(tensor.name)) throw new Error(`Initializer ${tensor.name} added twice`);
    this.initializers.set(tensor.name, tensor);
    return tensor.name;
  }

  /** A small constant, shared by every node that asks for the same value. */
  constant(values: readonly number[], type: ElemType = 'float32', dims: readonly number[] = []): string {
    const name = `const_${type}_${dims.join('x') || 'scalar'}_${values.join('_')}`;
    if (!this.initializers.has(name)) {
      const data = type === 'float32' ? Float32Array.from(values) : BigInt64Array.from(values.map(BigInt));
      this.initializer(name, { dims, data });
    }
    return name;
  }

  /**
   * Adds one node and returns its output names. Outputs are named after the node
   * unless given, so the graph stays readable in Netron.
   */
  nodeOutputs(
    opType: string,
    inputs: readonly string[],
    options: { attrs?: Record<string, Attr>; outputs?: readonly string[] | number; name?: string } = {},
  ): string[] {
    const count = (this.opCounts.get(opType) ?? 0) + 1;
    this.opCounts.set(opType, count);
    const name = options.name ?? `${opType}_${count}`;
    const outputs =
      typeof options.outputs === 'object'
        ? [...options.outputs]
        : Array.from({ length: options.outputs ?? 1 }, (_, k) => (k === 0 ? `${name}_out` : `${name}_out${k}`));
    const attrs = Object.entries(options.attrs ?? {}).map(([key, v]) => attribute(key, v));
    this.nodes.push({ name, op_type: opType, input: [...inputs], output: outputs, attribute: attrs });
    return outputs;
  }

  /** `nodeOutputs` for the common single-output case. */
  node(opType: string, inputs: readonly string[], attrs?: Record<string, Attr>, output?: string): string {
    const [out] = this.nodeOutputs(opType, inputs, { attrs, outputs: output === undefined ? 1 : [output] });
    return out as string;
  }

  /** Gives a node output a public name (a graph output must be called e.g. 'logits'). */
  renameValue(from: string, to: string): void {
    for (const node of this.nodes) {
      node.output = node.output.map((o) => (o === from ? to : o));
      node.input = node.input.map((i) => (i === from ? to : i));
    }
  }

  toModel(meta: { producer?: string; doc?: string } = {}): ModelProto {
    return {
      ir_version: IR_VERSION,
      opset_import: [{ domain: '', version: OPSET }],
      producer_name: meta.producer ?? 'hat-wardrobe',
      ...(meta.doc ? { doc_string: meta.doc } : {}),
      graph: {
        name: this.name,
        node: [...this.nodes],
        initializer: [...this.initializers.values()],
        input: [...this.inputs],
        output: [...this.outputs],
      },
    };
  }
}

/**
 * Encodes a model to the bytes of a .onnx file. Same object in, same bytes out. The encoder is
 * plain code (onnx-encode.ts): the page's Content-Security-Policy allows no code compiled at run time.
 */
export function serializeModel(model: ModelProto): Uint8Array {
  const bytes = encodeModel(model);
  // protobufjs hands back a Node Buffer under Node; callers get a plain Uint8Array everywhere.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Decodes .onnx bytes into the plain-object shape `serializeModel` takes (tests and tools: it compiles a decoder at run time). */
export function decodeModel(bytes: Uint8Array): ModelProto {
  const type = modelProtoType();
  return type.toObject(type.decode(bytes), { longs: Number, arrays: true }) as ModelProto;
}
