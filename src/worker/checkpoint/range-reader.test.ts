import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { CheckpointDeps } from './deps';
import { coalesce, rangeKey, RangeReader } from './range-reader';
import { fakeHost, memoryCache } from '../sdk/testing';

const URL_ = 'http://hub.test/org/m/resolve/main/model.safetensors';
const FILE = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);
const target = { url: URL_, host: 'http://hub.test', model: 'org/m', file: 'model.safetensors' };

function setup(options: { ignoreRange?: boolean; cache?: ReturnType<typeof memoryCache> | null } = {}) {
  const host = fakeHost({ [URL_]: FILE }, options);
  const cache = options.cache === null ? undefined : (options.cache ?? memoryCache());
  const deps: CheckpointDeps = {
    fetch: host.fetch,
    cache: async () => cache,
    runtime: { createSession: () => Promise.reject(new Error('no runtime in this test')) },
  };
  return { reader: new RangeReader(target, deps), log: host.log, cache };
}

describe('coalesce', () => {
  it('joins touching spans and keeps gaps as separate requests', () => {
    expect(coalesce([{ start: 10, end: 20 }, { start: 0, end: 10 }, { start: 30, end: 40 }, { start: 35, end: 50 }])).toEqual([
      { start: 0, end: 20 },
      { start: 30, end: 50 },
    ]);
  });
});

describe('RangeReader', () => {
  it('asks only for the spans, one request per run of adjacent spans, and caches each', async () => {
    const { reader, log, cache } = setup();
    const spans = [{ start: 100, end: 200 }, { start: 200, end: 250 }, { start: 600, end: 700 }];
    let seen = 0;
    const chunks = await reader.read(spans, (n) => (seen += n));
    expect(log.map((l) => l.range)).toEqual(['bytes=100-249', 'bytes=600-699']);
    expect(seen).toBe(250);
    expect(chunks.slice({ start: 200, end: 210 })).toEqual(FILE.slice(200, 210));
    expect(chunks.slice({ start: 650, end: 700 })).toEqual(FILE.slice(650, 700));
    // Each span is cached on its own as it completes: the stream keeps no request whole.
    const keys = spans.map((s) => rangeKey(URL_, s));
    expect((await cache!.keys()).map((k) => k.url).sort()).toEqual(keys.sort());
    expect(rangeKey(URL_, { start: 100, end: 250 })).toBe(`${URL_}?range=100-249`);
  });

  it('streams each span whole as soon as its last byte is in, in file order within a request', async () => {
    const { reader } = setup({ cache: null });
    const got: [number, number[]][] = [];
    await reader.stream([{ start: 600, end: 610 }, { start: 3, end: 5 }, { start: 5, end: 9 }], (span, bytes) => got.push([span.start, [...bytes]]));
    expect(got).toEqual([
      [3, [...FILE.slice(3, 5)]],
      [5, [...FILE.slice(5, 9)]],
      [600, [...FILE.slice(600, 610)]],
    ]);
  });

  it('serves spans inside cached ranges without asking the host, and fetches only the rest', async () => {
    const cache = memoryCache();
    const first = setup({ cache });
    await first.reader.read([{ start: 0, end: 400 }]);
    const second = setup({ cache });
    expect(await second.reader.isCached([{ start: 10, end: 20 }, { start: 300, end: 400 }])).toBe(true);
    expect(await second.reader.isCached([{ start: 390, end: 410 }])).toBe(false);
    expect(await second.reader.missingBytes([{ start: 10, end: 20 }, { start: 500, end: 540 }])).toBe(40);
    let seen = 0;
    const chunks = await second.reader.read([{ start: 10, end: 20 }, { start: 500, end: 540 }], (n) => (seen += n));
    expect(second.log.map((l) => l.range)).toEqual(['bytes=500-539']);
    expect(seen).toBe(50);
    expect(chunks.slice({ start: 10, end: 20 })).toEqual(FILE.slice(10, 20));
    expect(chunks.slice({ start: 500, end: 540 })).toEqual(FILE.slice(500, 540));
  });

  it('cuts spans out of a body that arrives in small pieces across their edges', async () => {
    const trickle = (async (_url: string, init?: RequestInit) => {
      const [, a, b] = /bytes=(\d+)-(\d+)/.exec(new Headers(init?.headers).get('Range')!)!.map(Number) as [number, number, number];
      const body = FILE.slice(a, b + 1);
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < body.length; i += 3) c.enqueue(body.slice(i, i + 3));
          c.close();
        },
      });
      return new Response(stream, { status: 206, headers: { 'Content-Range': `bytes ${a}-${b}/1000` } });
    }) as typeof fetch;
    const deps = { fetch: trickle, cache: async () => undefined, runtime: { createSession: () => Promise.reject(new Error('none')) } };
    const spans = [{ start: 10, end: 11 }, { start: 11, end: 18 }, { start: 18, end: 30 }];
    const got = new Map<number, number[]>();
    let seen = 0;
    await new RangeReader(target, deps).stream(spans, (span, bytes) => got.set(span.start, [...bytes]), (n) => (seen += n));
    for (const span of spans) expect(got.get(span.start)).toEqual([...FILE.slice(span.start, span.end)]);
    expect(seen).toBe(20);
  });

  it('works without a Cache API (Node), fetching every time', async () => {
    const { reader, log } = setup({ cache: null });
    await reader.read([{ start: 0, end: 8 }]);
    await reader.read([{ start: 0, end: 8 }]);
    expect(log).toHaveLength(2);
    expect(await reader.isCached([{ start: 0, end: 8 }])).toBe(false);
  });

  it('refuses a host that ignores Range, naming the host, without reading the body', async () => {
    const { reader } = setup({ ignoreRange: true });
    const error = await reader.read([{ start: 0, end: 8 }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message).toContain('http://hub.test');
    expect((error as EngineError).message).toMatch(/ignores HTTP Range/);
  });

  it('says the checkpoint has no safetensors on a 404', async () => {
    const host = fakeHost({});
    const deps = { fetch: host.fetch, cache: async () => undefined, runtime: { createSession: () => Promise.reject(new Error('none')) } };
    const error = await new RangeReader(target, deps).read([{ start: 0, end: 8 }]).catch((e: unknown) => e);
    expect((error as EngineError).kind).toBe('not-found');
    expect((error as EngineError).message).toMatch(/“org\/m” has no model\.safetensors/);
  });

  it('fails clearly when the body stops short', async () => {
    const shortFetch = (async () =>
      new Response(FILE.slice(0, 5), { status: 206, headers: { 'Content-Range': 'bytes 0-9/1000' } })) as typeof fetch;
    const deps = { fetch: shortFetch, cache: async () => undefined, runtime: { createSession: () => Promise.reject(new Error('none')) } };
    await expect(new RangeReader(target, deps).read([{ start: 0, end: 10 }])).rejects.toThrow(/ended early/);
  });
});
