import type { ByteCache, CheckpointDeps } from './deps';
import { fetchSpan, type RangeFile, type Span } from './http-range';

export type { RangeFile, Span } from './http-range';

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
  /** The file's size, once a host answer has said it (Content-Range). */
  size?: number;

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
    const cache = await this.openCache();
    const cached = await this.cachedSpans();
    const chunks: { start: number; bytes: Uint8Array }[] = [];
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
      const bytes = cache ? await readCached(cache, key, entry.end - entry.start) : undefined;
      if (bytes) {
        chunks.push({ start: entry.start, bytes });
        onBytes(inside.reduce((n, s) => n + s.end - s.start, 0));
      } else toFetch.push(...inside); // evicted or damaged since the listing: fetch after all
    }
    for (const span of coalesce(toFetch)) {
      const bytes = await fetchSpan(this.target, this.deps.fetch, span, onBytes, (size) => (this.size = size));
      chunks.push({ start: span.start, bytes });
      // A full disk or a browser without the Cache API only costs the next visit a download.
      await cache?.put(rangeKey(this.target.url, span), cachedResponse(bytes)).catch(() => undefined);
    }
    return {
      slice: (span) => {
        const chunk = chunks.find((c) => c.start <= span.start && span.end <= c.start + c.bytes.length);
        if (!chunk) throw new Error(`bytes ${span.start}-${span.end - 1} of ${this.target.file} were not read`);
        return chunk.bytes.subarray(span.start - chunk.start, span.end - chunk.start);
      },
    };
  }
}

function cachedResponse(bytes: Uint8Array): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength) },
  });
}

async function readCached(cache: ByteCache, key: string, length: number): Promise<Uint8Array | undefined> {
  const response = await cache.match(key).catch(() => undefined);
  if (!response) return undefined;
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.byteLength === length ? bytes : undefined;
}

