import { encodeModel, encodeTensorProto } from './onnx-encode';
import { DataLocation, type ModelProto, type TensorProto } from './onnx-types';

/*
 * [1] ONNX external data (onnx.proto, TensorProto.external_data): a tensor's bytes sit in another
 *     file, named by `location`, `offset` bytes in and `length` bytes long. ONNX Runtime takes that
 *     file as a buffer (the session option externalData, web and Node alike) and copies each tensor
 *     from it straight into the tensor's own memory. A .onnx with its weights inline is instead one
 *     more copy of every weight in the page (its bytes), another in ONNX Runtime's memory (the file
 *     copied in) and a third there while it is parsed (raw_data), before the tensors are made.
 */

/** The name ONNX exports give the external data file next to model.onnx. */
export const EXTERNAL_DATA_FILE = 'model.onnx_data';

/** A .onnx graph and, when its weights are external [1], the one file they are in. */
export interface OnnxFiles {
  graph: Uint8Array;
  data?: Uint8Array;
}

/** Whether the tensor's bytes are a view into `file` (its weight was written there). */
function inFile(t: TensorProto, file: Uint8Array): boolean {
  const raw = t.raw_data;
  if (!raw || raw.byteLength === 0 || raw.buffer !== file.buffer) return false;
  return raw.byteOffset >= file.byteOffset && raw.byteOffset + raw.byteLength <= file.byteOffset + file.byteLength;
}

function pointInto(t: TensorProto, file: Uint8Array, location: string): TensorProto {
  const raw = t.raw_data!;
  const { raw_data: _bytes, ...rest } = t;
  const entries = { location, offset: String(raw.byteOffset - file.byteOffset), length: String(raw.byteLength) };
  return { ...rest, data_location: DataLocation.EXTERNAL, external_data: Object.entries(entries).map(([key, value]) => ({ key, value })) };
}

/**
 * `model` with every initializer whose raw_data is a view into `file` pointing into it instead [1];
 * the others keep their bytes inline. The graph then holds no weight of `file`, which is passed to
 * the session beside it, as `location`.
 */
export function externalizeInitializers(model: ModelProto, file: Uint8Array, location = EXTERNAL_DATA_FILE): ModelProto {
  const initializer = model.graph.initializer.map((t) => (inFile(t, file) ? pointInto(t, file, location) : t));
  return { ...model, graph: { ...model.graph, initializer } };
}

/** A protobuf varint (sizes here stay far below 2^53). */
function varint(n: number): number[] {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 0x80)) out.push((n % 0x80) | 0x80);
  out.push(n);
  return out;
}

const GRAPH_FIELD = 0x3a; // ModelProto.graph: field 7, length-delimited
const INITIALIZER_FIELD = 0x2a; // GraphProto.initializer: field 5, length-delimited
const RAW_DATA_FIELD = 0x4a; // TensorProto.raw_data: field 9, length-delimited

/*
 * [2] Protobuf merges a message field met twice (the wire format, "Last One Wins" for scalars, merged
 *     for messages, appended for repeated fields), so a ModelProto may carry its graph in several
 *     pieces: the model with every small initializer, then, per weight of `file`, one more `graph`
 *     holding just that initializer, whose raw_data is the weight's own bytes. Any ONNX reader
 *     parses the parts, one after another, as the model with every weight inline.
 */

/**
 * The bytes of `model` as one .onnx with every weight inline, in parts [2]: each weight of `file`
 * is a part of its own, the array itself, so the file can be written out (a Blob of the parts)
 * without first being put together in one buffer.
 */
export function inlineParts(model: ModelProto, file: Uint8Array): Uint8Array[] {
  const ofFile = (t: TensorProto) => inFile(t, file);
  const parts = [encodeModel({ ...model, graph: { ...model.graph, initializer: model.graph.initializer.filter((t) => !ofFile(t)) } })];
  for (const t of model.graph.initializer.filter(ofFile)) {
    const raw = t.raw_data!;
    const fields = encodeTensorProto({ ...t, raw_data: undefined });
    const tensorLength = fields.byteLength + 1 + varint(raw.byteLength).length + raw.byteLength;
    const graphLength = 1 + varint(tensorLength).length + tensorLength;
    const head = [GRAPH_FIELD, ...varint(graphLength), INITIALIZER_FIELD, ...varint(tensorLength)];
    const tail = [RAW_DATA_FIELD, ...varint(raw.byteLength)];
    const prefix = new Uint8Array(head.length + fields.byteLength + tail.length);
    prefix.set(head);
    prefix.set(fields, head.length);
    prefix.set(tail, head.length + fields.byteLength);
    parts.push(prefix, raw);
  }
  return parts;
}
