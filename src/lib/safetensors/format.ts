/*
 * The safetensors file format [1], as far as a browser needs it:
 *
 *   8 bytes   N, unsigned 64-bit little-endian: length of the header
 *   N bytes   JSON header (UTF-8), padded with spaces so data starts 8-aligned
 *   rest      the tensors' bytes, little-endian, row-major, back to back
 *
 * The header maps each tensor name to {dtype, shape, data_offsets: [begin, end]},
 * offsets counted from the start of the data block (not of the file), plus an
 * optional "__metadata__" object of string -> string. Knowing the header alone
 * is enough to fetch any one tensor with an HTTP Range request.
 *
 * [1] https://github.com/huggingface/safetensors (README, "Format").
 */

export const SAFETENSORS_DTYPES = [
  'BOOL', 'U8', 'I8', 'F8_E5M2', 'F8_E4M3', 'I16', 'U16', 'F16', 'BF16',
  'I32', 'U32', 'F32', 'F64', 'I64', 'U64',
] as const;
export type SafetensorsDtype = (typeof SAFETENSORS_DTYPES)[number];

/** The float dtypes this module can write and widen to float32. */
export type FloatDtype = 'F32' | 'F16' | 'BF16';

export const BYTES_PER_ELEMENT: Record<SafetensorsDtype, number> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1, I16: 2, U16: 2, F16: 2, BF16: 2,
  I32: 4, U32: 4, F32: 4, F64: 8, I64: 8, U64: 8,
};

/** One tensor's entry in the header. `begin`/`end` are byte offsets relative to `dataStart`. */
export interface SafetensorsEntry {
  dtype: SafetensorsDtype;
  shape: number[];
  begin: number;
  end: number;
}

export interface SafetensorsHeader {
  /** N, the JSON header's length in bytes. */
  headerLength: number;
  /** Absolute file offset of the data block: 8 + N. A tensor's bytes are [dataStart + begin, dataStart + end). */
  dataStart: number;
  tensors: Map<string, SafetensorsEntry>;
  metadata: Record<string, string>;
}

/**
 * Guard against absurd headers. The reference implementation caps at 100 MB; a browser tab reads the
 * header whole and parses it, and the largest real checkpoints' headers are about a megabyte.
 */
export const MAX_HEADER_LENGTH = 16_000_000;

export function isSafetensorsDtype(value: unknown): value is SafetensorsDtype {
  return typeof value === 'string' && (SAFETENSORS_DTYPES as readonly string[]).includes(value);
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}
