import { fromFloat32 } from './convert';
import { elementCount, type FloatDtype } from './format';

export interface SafetensorsInput {
  name: string;
  dtype: FloatDtype;
  shape: readonly number[];
  /** Float values (narrowed to `dtype`), or the raw little-endian bytes already in `dtype`. */
  data: Float32Array | readonly number[] | Uint8Array;
}

/**
 * Serialises tensors to a safetensors file. Tensors are laid out in the order
 * given (callers sort for determinism); the JSON header is padded with spaces
 * so the data block starts on an 8-byte boundary, as the reference writer does.
 */
export function writeSafetensors(tensors: readonly SafetensorsInput[], metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata && Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const t of tensors) {
    if (t.name === '__metadata__' || t.name in header) throw new Error(`safetensors: duplicate or reserved tensor name ${t.name}`);
    const bytes = t.data instanceof Uint8Array ? t.data : fromFloat32(t.dtype, t.data);
    const expected = elementCount(t.shape) * (t.dtype === 'F32' ? 4 : 2);
    if (bytes.byteLength !== expected) {
      throw new Error(`safetensors: tensor ${t.name} has ${bytes.byteLength} bytes, ${t.dtype}[${t.shape.join(', ')}] needs ${expected}`);
    }
    header[t.name] = { dtype: t.dtype, shape: [...t.shape], data_offsets: [offset, offset + bytes.byteLength] };
    blobs.push(bytes);
    offset += bytes.byteLength;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const withPad = new Uint8Array(padded).fill(0x20);
    withPad.set(json);
    json = withPad;
  }
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const blob of blobs) {
    out.set(blob, at);
    at += blob.byteLength;
  }
  return out;
}
