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

const inside = (raw: Uint8Array, file: Uint8Array) =>
  raw.buffer === file.buffer && raw.byteOffset >= file.byteOffset && raw.byteOffset + raw.byteLength <= file.byteOffset + file.byteLength;

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
  const initializer = model.graph.initializer.map((t) => (t.raw_data && t.raw_data.byteLength > 0 && inside(t.raw_data, file) ? pointInto(t, file, location) : t));
  return { ...model, graph: { ...model.graph, initializer } };
}
