import { FILE_LIMITS, LimitError } from '../limits';
import {
  BYTES_PER_ELEMENT,
  MAX_HEADER_LENGTH,
  isSafetensorsDtype,
  type SafetensorsEntry,
  type SafetensorsHeader,
} from './format';

/**
 * Reads N from the first 8 bytes. A loader fetches these 8 bytes first (Range
 * 0-7), then the header (Range 8..8+N-1), then only the tensors it needs.
 */
export function readHeaderLength(bytes: Uint8Array): number {
  if (bytes.length < 8) throw new Error(`safetensors: need 8 bytes for the header length, got ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const n = view.getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER_LENGTH)) {
    throw new LimitError(`safetensors: header length ${n} is implausibly large (more than ${MAX_HEADER_LENGTH.toLocaleString('en-US')} bytes; not a safetensors file?)`, 'header length', MAX_HEADER_LENGTH);
  }
  return Number(n);
}

/**
 * Parses the header from a prefix of the file: the first 8 + N bytes are
 * enough (the tensors' bytes need not be present). Offsets are validated
 * against each other; they are not checked against the file size, which the
 * caller may not know yet.
 */
export function parseSafetensorsHeader(bytes: Uint8Array): SafetensorsHeader {
  const headerLength = readHeaderLength(bytes);
  const dataStart = 8 + headerLength;
  if (bytes.length < dataStart) {
    throw new Error(`safetensors: header is ${headerLength} bytes but only ${bytes.length - 8} were given`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, dataStart)));
  } catch (cause) {
    throw new Error('safetensors: header is not valid UTF-8 JSON (not a safetensors file?)', { cause });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error('safetensors: header is not a JSON object');
  }
  const entries = Object.entries(json as Record<string, unknown>);
  if (entries.length > MAX_TENSORS) {
    throw new LimitError(`safetensors: the header lists ${entries.length.toLocaleString('en-US')} tensors, more than the ${MAX_TENSORS.toLocaleString('en-US')} this page reads.`, 'tensors', MAX_TENSORS);
  }
  const tensors = new Map<string, SafetensorsEntry>();
  let metadata: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (name === '__metadata__') {
      metadata = parseMetadata(value);
      continue;
    }
    tensors.set(name, parseEntry(name, value));
  }
  checkLayout(tensors);
  return { headerLength, dataStart, tensors, metadata };
}

function parseMetadata(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) throw new Error('safetensors: __metadata__ is not an object');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`safetensors: __metadata__.${k} is not a string`);
    out[k] = v;
  }
  return out;
}

function parseEntry(name: string, value: unknown): SafetensorsEntry {
  const entry = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  if (typeof value !== 'object' || value === null) throw new Error(`safetensors: entry ${name} is not an object`);
  if (!isSafetensorsDtype(entry.dtype)) throw new Error(`safetensors: tensor ${name} has unknown dtype ${String(entry.dtype)}`);
  const isCount = (d: unknown): d is number => Number.isSafeInteger(d) && (d as number) >= 0;
  if (!Array.isArray(entry.shape) || !entry.shape.every(isCount)) throw new Error(`safetensors: tensor ${name} has a malformed shape`);
  const offsets = entry.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
    throw new Error(`safetensors: tensor ${name} has malformed data_offsets`);
  }
  const [begin, end] = offsets as [number, number];
  const expected = tensorBytes(name, entry.shape, BYTES_PER_ELEMENT[entry.dtype]);
  if (end - begin !== expected) {
    throw new Error(`safetensors: tensor ${name} spans ${end - begin} bytes, but ${entry.dtype}[${entry.shape.join(', ')}] needs ${expected}`);
  }
  return { dtype: entry.dtype, shape: [...entry.shape], begin, end };
}

/** Bounds on what one header may ask for (see src/lib/limits.ts). */
export const MAX_TENSORS = 100_000;
export const MAX_DIMS = 8;

/**
 * The bytes a tensor of this shape takes, refused past what one buffer may hold before the
 * product can overflow: a header is written by whoever published the file.
 */
function tensorBytes(name: string, shape: readonly number[], bytesPerElement: number): number {
  if (shape.length > MAX_DIMS) throw new LimitError(`safetensors: tensor ${name} has ${shape.length} dimensions, more than ${MAX_DIMS}.`, name, MAX_DIMS);
  const max = FILE_LIMITS.weights;
  let bytes = bytesPerElement;
  for (const d of shape) {
    bytes *= d;
    if (bytes > max) {
      throw new LimitError(`safetensors: tensor ${name} [${shape.join(', ')}] would take more than the ${Math.round(max / 1e6).toLocaleString('en-US')} MB one tensor may have here.`, name, max);
    }
  }
  return bytes;
}

/** Tensors must not overlap (the spec also wants no holes; we tolerate them). */
function checkLayout(tensors: Map<string, SafetensorsEntry>): void {
  const spans = [...tensors].sort((a, b) => a[1].begin - b[1].begin);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    const cur = spans[i];
    if (prev && cur && cur[1].begin < prev[1].end) throw new Error(`safetensors: tensors ${prev[0]} and ${cur[0]} overlap`);
  }
}
