import type { ByteCache } from './deps';

/**
 * For tests: an in-memory stand-in for the browser's Cache API (Node has none). It also fits
 * transformers.js' `env.customCache`, so config and tokenizer share it with the checkpoint ranges.
 */
export function memoryCache(): ByteCache & { size(): number } {
  const entries = new Map<string, { bytes: Uint8Array; headers: [string, string][] }>();
  return {
    async match(url) {
      const e = entries.get(String(url));
      return e ? new Response(e.bytes.slice() as Uint8Array<ArrayBuffer>, { status: 200, headers: e.headers }) : undefined;
    },
    async put(url, response) {
      entries.set(String(url), { bytes: new Uint8Array(await response.arrayBuffer()), headers: [...response.headers] });
    },
    async keys() {
      return [...entries.keys()].map((url) => ({ url }));
    },
    size: () => entries.size,
  };
}

/** For tests: a fake host serving one file's bytes, honouring (or ignoring) Range, logging each request. */
export function fakeHost(files: Record<string, Uint8Array>, options: { ignoreRange?: boolean } = {}) {
  const log: { url: string; range: string | null; status: number }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const range = new Headers(init?.headers).get('range');
    const bytes = files[url];
    const answer = (status: number, body: Uint8Array | null, headers: Record<string, string> = {}) => {
      log.push({ url, range, status });
      return new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers });
    };
    if (!bytes) return answer(404, new TextEncoder().encode('{"error":"Entry not found"}'));
    const m = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
    if (!m || options.ignoreRange) return answer(200, bytes);
    const start = Number(m[1]);
    const end = Math.min(Number(m[2]), bytes.length - 1);
    return answer(206, bytes.slice(start, end + 1), { 'Content-Range': `bytes ${start}-${end}/${bytes.length}` });
  }) as typeof fetch;
  return { fetch: fetchFn, log };
}
