import { describe, expect, it } from 'vitest';
import { memoryCache } from '../sdk/testing';
import { keepBuiltModel, readBuiltModel } from './built-model';

const KEY = 'http://hub.test/m/resolve/main/built/head.q8.onnx?etag=%22e%22&size=9';
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251);

describe('the kept built model', () => {
  it('gives back the graph and its external data as they were kept, in one entry', async () => {
    const cache = memoryCache();
    const files = { graph: bytes(1000, 1), data: bytes(70_017, 2) };
    await keepBuiltModel(cache, KEY, files);
    const kept = await readBuiltModel(cache, KEY);
    const same = (a: Uint8Array | undefined, b: Uint8Array) => a?.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
    expect(same(kept?.graph, files.graph)).toBe(true);
    expect(same(kept?.data, files.data)).toBe(true);
  });

  it('gives back a graph with its weights inline (fp32, or kept by an earlier version) without data', async () => {
    const cache = memoryCache();
    await keepBuiltModel(cache, KEY, { graph: bytes(500, 3) });
    expect(await readBuiltModel(cache, KEY)).toEqual({ graph: bytes(500, 3) });
  });

  it('has nothing to give when the entry is cut short or its split does not fit it', async () => {
    const cache = memoryCache();
    const body = bytes(100, 4);
    await cache.put(KEY, new Response(body.subarray(0, 60), { headers: { 'Content-Length': '100' } }));
    expect(await readBuiltModel(cache, KEY)).toBeUndefined();
    await cache.put(KEY, new Response(body, { headers: { 'Content-Length': '100', 'X-Onnx-Graph-Length': '100' } }));
    expect(await readBuiltModel(cache, KEY)).toBeUndefined();
  });
});
