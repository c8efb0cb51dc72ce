import { bfloat16ToFloat, floatToBfloat16, floatToHalf, halfToFloat } from './half';
import type { FloatDtype, SafetensorsDtype } from './format';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Widens a tensor's little-endian bytes to float32. Works on any byte offset
 * (a Range response sliced out of a larger buffer need not be 4-aligned).
 */
export function toFloat32(dtype: SafetensorsDtype, bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = dtype === 'F32' ? 4 : dtype === 'F16' || dtype === 'BF16' ? 2 : 0;
  if (width === 0) throw new Error(`safetensors: cannot read dtype ${dtype} as float32 (only F32, F16, BF16)`);
  if (bytes.byteLength % width !== 0) throw new Error(`safetensors: ${bytes.byteLength} bytes is not a whole number of ${dtype} values`);
  const out = new Float32Array(bytes.byteLength / width);
  // One block copy where the machine is little-endian; a DataView read per value costs seconds at real size.
  if (dtype === 'F32' && LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes);
  else if (dtype === 'F32') for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  else if (dtype === 'F16') for (let i = 0; i < out.length; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
  else for (let i = 0; i < out.length; i++) out[i] = bfloat16ToFloat(view.getUint16(i * 2, true));
  return out;
}

/** Narrows float values to the little-endian bytes of `dtype` (rounding to nearest even). */
export function fromFloat32(dtype: FloatDtype, values: ArrayLike<number>): Uint8Array {
  const width = dtype === 'F32' ? 4 : 2;
  const bytes = new Uint8Array(values.length * width);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (dtype === 'F32') view.setFloat32(i * 4, v, true);
    else view.setUint16(i * 2, dtype === 'F16' ? floatToHalf(v) : floatToBfloat16(v), true);
  }
  return bytes;
}

/**
 * Old TensorFlow-converted BERT checkpoints (google-bert/bert-base-uncased)
 * name LayerNorm parameters `gamma`/`beta`; PyTorch and our graph builder call
 * them `weight`/`bias`. transformers maps them the same way on load.
 */
export function legacyName(name: string): string {
  if (name.endsWith('LayerNorm.gamma')) return `${name.slice(0, -'gamma'.length)}weight`;
  if (name.endsWith('LayerNorm.beta')) return `${name.slice(0, -'beta'.length)}bias`;
  return name;
}
