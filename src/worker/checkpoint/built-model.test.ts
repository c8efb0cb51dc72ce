// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { graphBuilderSources, graphBuildersHash } from '../../../scripts/graph-builders';
import { builtModelKey, GRAPH_BUILDERS } from './built-model';

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
