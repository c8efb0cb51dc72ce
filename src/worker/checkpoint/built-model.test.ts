// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { graphBuilderSources, graphBuildersHash } from '../../../scripts/graph-builders';
import { memoryCache } from '../sdk/testing';
import { builtModelKey, GRAPH_BUILDERS, keepBuiltModel, readBuiltModel } from './built-model';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const version = { etag: '"abc"', size: 440_000_000 };

describe('the key a built graph is kept under', () => {
  it('names the builders of this build of the app: a hash of the sources that decide the graph', () => {
    expect(GRAPH_BUILDERS).toBe(graphBuildersHash(ROOT));
    const sources = graphBuilderSources(ROOT);
    for (const file of ['src/lib/onnx/bert-encoder.ts', 'src/lib/onnx/dynamic-quantize.ts', 'src/lib/onnx/vit-mae/graph.ts', 'src/worker/checkpoint/tensor-plan.ts', 'src/hats/next-sentence-prediction/head.ts', 'src/hats/masked-image-modeling/checkpoint.ts']) {
      expect(sources).toContain(file);
    }
    expect(sources.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
  });

  it('differs when the builders or the checkpoint differ, so neither opens a stale graph', () => {
    const key = (builders: string, v = version) => builtModelKey('http://hub/', 'org/model', 'next-sentence-prediction', 'q8', v, builders);
    expect(key('aaaaaaaaaaaa')).toBe('http://hub/org/model/resolve/main/built/next-sentence-prediction.q8.onnx?builders=aaaaaaaaaaaa&etag=%22abc%22&size=440000000');
    expect(key('bbbbbbbbbbbb')).not.toBe(key('aaaaaaaaaaaa'));
    expect(key('aaaaaaaaaaaa', { ...version, etag: '"abd"' })).not.toBe(key('aaaaaaaaaaaa'));
  });
});

describe('keeping a built graph', () => {
  const part = (n: number) => new Uint8Array(n).fill(7);
  const key = (graph: string, builders: string, etag = '"abc"', model = 'org/model') => builtModelKey('http://hub', model, graph, 'q8', { ...version, etag }, builders);

  it('lets go of the same graph kept by older builders or from an older checkpoint, and of nothing else', async () => {
    const cache = memoryCache();
    const others = [key('vit-mae-pretraining', 'aaaaaaaaaaaa'), key('next-sentence-prediction', 'aaaaaaaaaaaa', '"abc"', 'org/other'), 'http://hub/org/model/resolve/main/model.safetensors?range=0-99'];
    const stale = [key('next-sentence-prediction', 'aaaaaaaaaaaa'), key('next-sentence-prediction', 'bbbbbbbbbbbb', '"old"')];
    for (const url of [...others, ...stale]) await keepBuiltModel(cache, url, [part(3)]);
    // Each keep so far let go of the one before it under the same name: the two stale ones are one now.
    expect((await cache.keys()).map((k) => k.url).sort()).toEqual([...others, stale[1]!].sort());

    const fresh = key('next-sentence-prediction', 'cccccccccccc');
    await keepBuiltModel(cache, fresh, [part(2), part(3)]);
    expect((await cache.keys()).map((k) => k.url).sort()).toEqual([...others, fresh].sort());
    expect(await readBuiltModel(cache, fresh)).toEqual(part(5));
  });

  it('keeps the older graph when the new one could not be stored (a full disk)', async () => {
    const cache = memoryCache();
    const old = key('next-sentence-prediction', 'aaaaaaaaaaaa');
    await keepBuiltModel(cache, old, [part(3)]);
    const full = { ...cache, put: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    await keepBuiltModel(full, key('next-sentence-prediction', 'bbbbbbbbbbbb'), [part(3)]);
    expect((await cache.keys()).map((k) => k.url)).toEqual([old]);
  });
});
