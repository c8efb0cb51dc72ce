import type { ByteCache, CheckpointDeps } from './deps';
import { fetchSpan, type FileVersion, type RangeFile, type Span } from './http-range';

export type { FileVersion, RangeFile, Span } from './http-range';

/** Bytes of the file that have been read, by absolute offset. */
export interface ByteChunks {
  slice(span: Span): Uint8Array;
}

/*
 * [1] The Cache API refuses 206 responses, so each range is stored as a plain 200 response under its
 *     own key, `<url>?range=a-b`. The key still parses as <host>/<model>/resolve/<rev>/<file>, so the
 *     page's cache list counts these bytes under the model.
 */
export function rangeKey(url: string, span: Span): string {
  return `${url}?range=${span.start}-${span.end - 1}`;
}

function parseKey(url: string, key: string): Span | undefined {
  const m = /\?range=(\d+)-(\d+)$/.exec(key);
  if (!m || key.slice(0, m.index) !== url) return undefined;
  return { start: Number(m[1]), end: Number(m[2]) + 1 };
}

/** Joins spans that touch (or overlap) into one request each; never fetches a byte between them. */
export function coalesce(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;

export class RangeReader {
  private cache?: Promise<ByteCache | undefined>;
  /** The version of the file the bytes read so far are from (host answer or cached copy), once known. */
  version?: FileVersion;
  /** The file's size, once a host answer (Content-Range) or a cached copy has said it. */
  get size(): number | undefined {
    return this.version?.size;
  }

  constructor(
    readonly target: RangeFile,
    private readonly deps: CheckpointDeps,
  ) {}

  private openCache(): Promise<ByteCache | undefined> {
    this.cache ??= this.deps.cache().catch(() => undefined);
    return this.cache;
  }

  /** Ranges of this file already in the cache. */
  async cachedSpans(): Promise<Span[]> {
    const cache = await this.openCache();
    if (!cache) return [];
    const keys = await cache.keys();
    return keys.map((k) => parseKey(this.target.url, k.url)).filter((s): s is Span => s !== undefined);
  }

  /** True when every span can be served from the cache. */
  async isCached(spans: readonly Span[]): Promise<boolean> {
    const cached = await this.cachedSpans();
    return spans.every((s) => cached.some((c) => contains(c, s)));
  }

  /** How many of these bytes are not in the cache yet. */
  async missingBytes(spans: readonly Span[]): Promise<number> {
    const cached = await this.cachedSpans();
    return spans.filter((s) => !cached.some((c) => contains(c, s))).reduce((n, s) => n + s.end - s.start, 0);
  }

  /**
   * Reads the spans: each from a cached range that holds it, the rest from the host in as few
   * requests as adjacency allows. `onBytes` is told every byte as it arrives (cached ones at once).
   */
  async read(spans: readonly Span[], onBytes: (n: number) => void = () => undefined): Promise<ByteChunks> {
    const chunks: { start: number; bytes: Uint8Array }[] = [];
    await this.stream(spans, (span, bytes) => chunks.push({ start: span.start, bytes }), onBytes);
    return {
      slice: (span) => {
        const chunk = chunks.find((c) => c.start <= span.start && span.end <= c.start + c.bytes.length);
        if (!chunk) throw new Error(`bytes ${span.start}-${span.end - 1} of ${this.target.file} were not read`);
        return chunk.bytes.subarray(span.start - chunk.start, span.end - chunk.start);
      },
    };
  }

  /**
   * Like `read`, but hands each span on whole the moment its last byte is in (cached ones first)
   * and keeps nothing: the caller can turn a tensor into what it needs and let the bytes go while
   * the rest still streams in. Each fetched span is cached under its own key.
   */
  async stream(spans: readonly Span[], onSpan: (span: Span, bytes: Uint8Array) => void, onBytes: (n: number) => void = () => undefined): Promise<void> {
    const cache = await this.openCache();
    const cached = await this.cachedSpans();
    const toFetch: Span[] = [];
    const fromCache = new Map<string, { entry: Span; inside: Span[] }>();
    for (const span of spans) {
      const hit = cached.find((c) => contains(c, span));
      if (!hit) {
        toFetch.push(span);
        continue;
      }
      const key = rangeKey(this.target.url, hit);
      const group = fromCache.get(key) ?? { entry: hit, inside: [] };
      group.inside.push(span);
      fromCache.set(key, group);
    }
    for (const [key, { entry, inside }] of fromCache) {
      const hit = cache ? await readCached(cache, key, entry.end - entry.start) : undefined;
      this.version ??= hit?.version;
      const bytes = hit?.bytes;
      if (!bytes) {
        toFetch.push(...inside); // evicted or damaged since the listing: fetch after all
        continue;
      }
      for (const s of inside) {
        onSpan(s, bytes.subarray(s.start - entry.start, s.end - entry.start));
        onBytes(s.end - s.start);
      }
    }
    const puts: Promise<unknown>[] = [];
    const keep = (span: Span, bytes: Uint8Array) => {
      onSpan(span, bytes);
      // A full disk or a browser without the Cache API only costs the next visit a download.
      if (cache) puts.push(cache.put(rangeKey(this.target.url, span), cachedResponse(bytes, this.version)).catch(() => undefined));
    };
    for (const request of coalesce(toFetch)) {
      const inside = distinct(toFetch.filter((s) => contains(request, s)));
      await fetchSpan(this.target, this.deps.fetch, request, splitter(request, inside, keep, onBytes), (v) => (this.version = v));
    }
    await Promise.all(puts);
  }
}

/** The spans sorted, each once; they must not overlap (a safetensors file's tensors never do). */
function distinct(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && last.start === s.start && last.end === s.end) continue;
    if (last && s.start < last.end) throw new Error(`spans ${last.start}-${last.end - 1} and ${s.start}-${s.end - 1} overlap`);
    out.push(s);
  }
  return out;
}

/** Cuts one request's body, chunk by chunk, into the spans it covers (they tile it), each its own buffer. */
function splitter(request: Span, spans: readonly Span[], onSpan: (span: Span, bytes: Uint8Array) => void, onBytes: (n: number) => void) {
  let at = request.start;
  let k = 0;
  let buffer = new Uint8Array(spans[0] ? spans[0].end - spans[0].start : 0);
  return (chunk: Uint8Array) => {
    onBytes(chunk.byteLength);
    let offset = 0;
    while (offset < chunk.byteLength) {
      const span = spans[k];
      if (!span) return;
      const n = Math.min(span.end - at, chunk.byteLength - offset);
      buffer.set(chunk.subarray(offset, offset + n), at - span.start);
      offset += n;
      at += n;
      if (at === span.end) {
        onSpan(span, buffer);
        const next = spans[++k];
        buffer = new Uint8Array(next ? next.end - next.start : 0);
      }
    }
  };
}

const SIZE_HEADER = 'X-File-Size';

/**
 * A range kept as a plain 200 response [1], with the version of the file it was cut from. The body
 * is a copy on purpose: the page hands it to the cache at once and lets the span go, where a body
 * streamed from the span holds every span until the cache has written it, and the cache writes
 * slower than a fast host sends (measured on a 440 MB checkpoint: a peak 300 MB higher).
 */
function cachedResponse(bytes: Uint8Array, version?: FileVersion): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength) };
  if (version?.etag) headers.ETag = version.etag;
  if (version) headers[SIZE_HEADER] = String(version.size);
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

async function readCached(cache: ByteCache, key: string, length: number): Promise<{ bytes: Uint8Array; version?: FileVersion } | undefined> {
  const response = await cache.match(key).catch(() => undefined);
  if (!response) return undefined;
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength !== length) return undefined;
  const size = Number(response.headers.get(SIZE_HEADER));
  return { bytes, version: size > 0 ? { etag: response.headers.get('etag') ?? '', size } : undefined };
}
