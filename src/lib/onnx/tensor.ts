import { DataType, toNumber, type TensorProto } from './onnx-types';

export type TensorData = Float32Array | Int8Array | Uint8Array | BigInt64Array | Int32Array;

/** A named dense tensor, row-major, as the builder and quantizer pass it around. */
export interface DenseTensor {
  dims: readonly number[];
  data: TensorData;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function dataTypeOf(data: TensorData): number {
  if (data instanceof Float32Array) return DataType.FLOAT;
  if (data instanceof Uint8Array) return DataType.UINT8;
  if (data instanceof Int8Array) return DataType.INT8;
  if (data instanceof Int32Array) return DataType.INT32;
  return DataType.INT64;
}

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((n, d) => n * d, 1);
}

/*
 * ONNX stores tensor bytes little-endian in `raw_data` [1]. Every browser and
 * Node build we target is little-endian, so the proto views the data's own bytes [2];
 * the DataView path keeps the rule honest on anything else.
 *
 * [1] onnx.proto, TensorProto.raw_data: "stored in little-endian order".
 * [2] No copy: a graph built in the page from a 440 MB checkpoint would otherwise hold every
 *     weight twice until it is written out. The proto owns the array from here on: whoever
 *     hands data to makeTensorProto must not change it afterwards.
 */
function toLittleEndianBytes(data: TensorData): Uint8Array {
  if (LITTLE_ENDIAN || data.BYTES_PER_ELEMENT === 1) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const bytes = new Uint8Array(data.byteLength);
  const view = new DataView(bytes.buffer);
  data.forEach((v: number | bigint, i: number) => {
    if (data instanceof Float32Array) view.setFloat32(i * 4, Number(v), true);
    else if (data instanceof Int32Array) view.setInt32(i * 4, Number(v), true);
    else view.setBigInt64(i * 8, BigInt(v), true);
  });
  return bytes;
}

export function makeTensorProto(name: string, tensor: DenseTensor, docString?: string): TensorProto {
  if (elementCount(tensor.dims) !== tensor.data.length) {
    throw new Error(`Tensor ${name}: dims [${tensor.dims.join(', ')}] do not match ${tensor.data.length} values`);
  }
  return {
    name,
    dims: [...tensor.dims],
    data_type: dataTypeOf(tensor.data),
    raw_data: toLittleEndianBytes(tensor.data),
    ...(docString ? { doc_string: docString } : {}),
  };
}

/** Reads a FLOAT tensor back (from raw_data or float_data), e.g. to quantize it. */
export function readFloatTensor(proto: TensorProto): { dims: number[]; data: Float32Array } {
  if (proto.data_type !== DataType.FLOAT) throw new Error(`Tensor ${proto.name} is not FLOAT`);
  const dims = proto.dims.map(toNumber);
  const count = elementCount(dims);
  const data = new Float32Array(count);
  const raw = proto.raw_data;
  if (raw && raw.length > 0) {
    if (LITTLE_ENDIAN) {
      // One block copy; a DataView read per value took seconds on a real-size model.
      new Uint8Array(data.buffer).set(raw.subarray(0, count * 4));
    } else {
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      for (let i = 0; i < count; i++) data[i] = view.getFloat32(i * 4, true);
    }
  } else if (proto.float_data) {
    data.set(proto.float_data);
  }
  return { dims, data };
}
