import { AutoConfig, type ProgressInfo } from '@huggingface/transformers';
import { parseSafetensorsHeader, readHeaderLength, type SafetensorsHeader } from '@/lib/safetensors';
import { LimitError } from '@/lib/limits';
import { EngineError } from '../errors';
import { damaged, fileRef, webPage } from '../net/failures';
import { setHost } from '../hub';
import type { CheckpointDeps } from './deps';
import { RangeReader, type Span } from './range-reader';

export const SAFETENSORS_FILE = 'model.safetensors';

export function safetensorsUrl(host: string, model: string): string {
  return new URL(`${host.replace(/\/+$/, '')}/${model}/resolve/main/${SAFETENSORS_FILE}`).href;
}

/**
 * `read(host, model, deps)`, done once per worker and model: later calls share the first promise.
 * A failure is forgotten, so the next call tries again.
 */
export function oncePerModel<T>(read: (host: string, model: string, deps: CheckpointDeps) => Promise<T>) {
  const memo = new WeakMap<CheckpointDeps, Map<string, Promise<T>>>();
  return (host: string, model: string, deps: CheckpointDeps): Promise<T> => {
    let byModel = memo.get(deps);
    if (!byModel) memo.set(deps, (byModel = new Map()));
    const key = `${host}|${model}`;
    let pending = byModel.get(key);
    if (!pending) {
      pending = read(host, model, deps);
      byModel.set(key, pending);
      pending.catch(() => byModel.delete(key));
    }
    return pending;
  };
}

export interface CheckpointConfig {
  /** config.json as the checkpoint has it. */
  config: Record<string, unknown>;
  /** Its size, as transformers.js reported while reading it (0 if it did not say). */
  bytes: number;
}

/** A checkpoint's config.json, read through transformers.js (and its cache) once per worker. */
export const readCheckpointConfig = oncePerModel(async (host, model): Promise<CheckpointConfig> => {
  setHost(host);
  let bytes = 0;
  const progress_callback = (info: ProgressInfo) => {
    if (info.status === 'progress') bytes = info.total;
  };
  const config = { ...((await AutoConfig.from_pretrained(model, { progress_callback })) as unknown as Record<string, unknown>) };
  return { config, bytes };
});

/*
 * [1] A safetensors file starts with 8 bytes (little-endian u64) giving the length N of a JSON
 *     header, which lists every tensor's dtype, shape and byte offsets. Reading 8 bytes, then N
 *     bytes, tells us exactly where every weight sits without downloading any of them.
 */
export async function readHeader(reader: RangeReader): Promise<{ header: SafetensorsHeader; spans: Span[] }> {
  const first: Span = { start: 0, end: 8 };
  const prefix = (await reader.read([first])).slice(first);
  // A web page where the checkpoint should be (a mirror's start page): say so, not "header too long".
  if (prefix[0] === 0x3c) throw webPage(fileRef(reader.target.url), 'safetensors file');
  const json: Span = { start: 8, end: 8 + readHeaderLength(prefix) };
  const bytes = new Uint8Array(json.end);
  bytes.set(prefix);
  bytes.set((await reader.read([json])).slice(json), 8);
  return { header: parseSafetensorsHeader(bytes), spans: [first, json] };
}

export interface SafetensorsFile {
  header: SafetensorsHeader;
  /** The two reads that got the header: its length (8 bytes), then the JSON. */
  headerSpans: Span[];
  /** Reads (and caches) byte ranges of the file. */
  reader: RangeReader;
}

/** A checkpoint's model.safetensors header, read by Range once per worker: where every tensor sits. */
export const readSafetensors = oncePerModel(async (host, model, deps): Promise<SafetensorsFile> => {
  const reader = new RangeReader({ url: safetensorsUrl(host, model), host, model, file: SAFETENSORS_FILE }, deps);
  const { header, spans } = await readHeader(reader).catch((error: unknown) => {
    if (error instanceof EngineError || error instanceof LimitError || !(error instanceof Error) || !error.message.startsWith('safetensors:')) throw error;
    throw new EngineError('damaged', `“${model}”'s ${SAFETENSORS_FILE} could not be read as a safetensors file.`, error.message);
  });
  let end = header.dataStart;
  for (const t of header.tensors.values()) end = Math.max(end, header.dataStart + t.end);
  if (reader.size !== undefined && end > reader.size) {
    throw damaged(fileRef(reader.target.url), `its header places tensors up to byte ${end.toLocaleString('en-US')}, but the file has ${reader.size.toLocaleString('en-US')} bytes (it was cut short)`, false);
  }
  return { header, headerSpans: spans, reader };
});

/** Bytes of model.safetensors a cold load reads: the header, and the tensors' spans. */
export function checkpointBytes(file: SafetensorsFile, plan: { bytes: number }): number {
  return file.headerSpans.reduce((n, s) => n + s.end - s.start, 0) + plan.bytes;
}
