import { Writer } from 'protobufjs/minimal';
import type { AttributeProto, DimensionProto, GraphProto, Int64, ModelProto, NodeProto, TensorProto, ValueInfoProto } from './onnx-types';

/*
 * The .onnx encoder, written out field by field with protobufjs' Writer. [1] protobufjs' reflection
 * encoder (onnx-schema.ts) compiles itself at run time with new Function, which a page under a
 * Content-Security-Policy without 'unsafe-eval' must not do; this one is plain code, and writes
 * the same bytes: fields in field-number order; a singular scalar only when it differs from its
 * default ("" , 0, empty bytes), as protobufjs writes reflection JSON; repeated scalars packed or
 * not as onnx.proto says (onnx-encode.test.ts holds the two encoders to each other).
 */

type Encode<T> = (value: T, w: Writer) => void;

const tag = (id: number, wire: number) => ((id << 3) | wire) >>> 0;
const set = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;
// Writer.int64 takes a number or a Long-like { low, high }; decoded models carry Longs.
const long = (v: Int64) => v as number;

function message<T>(w: Writer, id: number, value: T | undefined, encode: Encode<T>): void {
  if (!set(value)) return;
  encode(value, w.uint32(tag(id, 2)).fork());
  w.ldelim();
}

function messages<T>(w: Writer, id: number, values: readonly T[] | undefined, encode: Encode<T>): void {
  for (const v of values ?? []) message(w, id, v, encode);
}

function string(w: Writer, id: number, v: string | undefined): void {
  if (set(v) && v !== '') w.uint32(tag(id, 2)).string(v);
}

function strings(w: Writer, id: number, vs: readonly string[] | undefined): void {
  for (const v of vs ?? []) w.uint32(tag(id, 2)).string(v);
}

function bytes(w: Writer, id: number, v: Uint8Array | undefined): void {
  if (set(v) && v.length > 0) w.uint32(tag(id, 2)).bytes(v);
}

const isZero = (v: Int64) => (typeof v === 'number' ? v === 0 : v.toNumber() === 0);

function int64(w: Writer, id: number, v: Int64 | undefined): void {
  if (set(v) && !isZero(v)) w.uint32(tag(id, 0)).int64(long(v));
}

function int32(w: Writer, id: number, v: number | undefined): void {
  if (set(v) && v !== 0) w.uint32(tag(id, 0)).int32(v);
}

function float(w: Writer, id: number, v: number | undefined): void {
  if (set(v) && !Object.is(v, 0)) w.uint32(tag(id, 5)).float(v);
}

function packed<T>(w: Writer, id: number, vs: readonly T[] | undefined, write: (w: Writer, v: T) => void): void {
  if (!vs?.length) return;
  w.uint32(tag(id, 2)).fork();
  for (const v of vs) write(w, v);
  w.ldelim();
}

const encodeEntry: Encode<{ key: string; value: string }> = (e, w) => {
  string(w, 1, e.key);
  string(w, 2, e.value);
};

const encodeTensor: Encode<TensorProto & { int32_data?: number[] }> = (t, w) => {
  for (const d of t.dims ?? []) w.uint32(tag(1, 0)).int64(long(d));
  int32(w, 2, t.data_type);
  packed(w, 4, t.float_data, (x, v) => x.float(v));
  packed(w, 5, t.int32_data, (x, v) => x.int32(v));
  packed(w, 7, t.int64_data, (x, v) => x.int64(long(v)));
  string(w, 8, t.name);
  bytes(w, 9, t.raw_data);
  string(w, 12, t.doc_string);
  messages(w, 13, t.external_data, encodeEntry);
  int32(w, 14, t.data_location);
};

const encodeAttribute: Encode<AttributeProto & { g?: GraphProto; strings?: Uint8Array[]; doc_string?: string }> = (a, w) => {
  string(w, 1, a.name);
  float(w, 2, a.f);
  int64(w, 3, a.i);
  bytes(w, 4, a.s);
  message(w, 5, a.t, encodeTensor);
  message(w, 6, a.g, encodeGraph);
  for (const v of a.floats ?? []) w.uint32(tag(7, 5)).float(v);
  for (const v of a.ints ?? []) w.uint32(tag(8, 0)).int64(long(v));
  for (const v of a.strings ?? []) w.uint32(tag(9, 2)).bytes(v);
  string(w, 13, a.doc_string);
  int32(w, 20, a.type);
};

const encodeNode: Encode<NodeProto> = (n, w) => {
  strings(w, 1, n.input);
  strings(w, 2, n.output);
  string(w, 3, n.name);
  string(w, 4, n.op_type);
  messages(w, 5, n.attribute, encodeAttribute);
  string(w, 6, n.doc_string);
  string(w, 7, n.domain);
};

const encodeDimension: Encode<DimensionProto & { denotation?: string }> = (d, w) => {
  int64(w, 1, d.dim_value);
  string(w, 2, d.dim_param);
  string(w, 3, d.denotation);
};

type TypeProto = ValueInfoProto['type'] & { denotation?: string };

const encodeType: Encode<TypeProto> = (t, w) => {
  message(w, 1, t.tensor_type, (tensor, x) => {
    int32(x, 1, tensor.elem_type);
    message(x, 2, tensor.shape, (shape, y) => messages(y, 1, shape.dim, encodeDimension));
  });
  string(w, 6, t.denotation);
};

const encodeValueInfo: Encode<ValueInfoProto> = (v, w) => {
  string(w, 1, v.name);
  message(w, 2, v.type, encodeType);
  string(w, 3, v.doc_string);
};

function encodeGraph(g: GraphProto & { value_info?: ValueInfoProto[] }, w: Writer): void {
  messages(w, 1, g.node, encodeNode);
  string(w, 2, g.name);
  messages(w, 5, g.initializer, encodeTensor);
  string(w, 10, g.doc_string);
  messages(w, 11, g.input, encodeValueInfo);
  messages(w, 12, g.output, encodeValueInfo);
  messages(w, 13, g.value_info, encodeValueInfo);
}

const encodeModelProto: Encode<ModelProto & { domain?: string; model_version?: Int64 }> = (m, w) => {
  int64(w, 1, m.ir_version);
  string(w, 2, m.producer_name);
  string(w, 3, m.producer_version);
  string(w, 4, m.domain);
  int64(w, 5, m.model_version);
  string(w, 6, m.doc_string);
  message(w, 7, m.graph, encodeGraph);
  messages(w, 8, m.opset_import, (o, x) => {
    string(x, 1, o.domain);
    int64(x, 2, o.version);
  });
  messages(w, 14, m.metadata_props, encodeEntry);
};

/** The bytes of a .onnx file for `model`. */
export function encodeModel(model: ModelProto): Uint8Array {
  const w = Writer.create();
  encodeModelProto(model, w);
  return w.finish();
}

/** The bytes of one TensorProto (a graph initializer) on its own. */
export function encodeTensorProto(tensor: TensorProto): Uint8Array {
  const w = Writer.create();
  encodeTensor(tensor, w);
  return w.finish();
}
