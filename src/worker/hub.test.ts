import { env } from '@huggingface/transformers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryCache } from './sdk/testing';
import { onnxExportSource } from './hub';

/*
 * The host cannot be reached (every fetch fails as a dropped network does), and the browser's cache
 * holds one model's q8 files: what the engine asks the source must still be answered from the cache.
 */
const HOST = 'http://mirror.invalid';
const CONFIG = JSON.stringify({ model_type: 'bert', architectures: ['BertForMaskedLM'] });
let defaultFetch: typeof env.fetch;
let asked: string[];

async function cacheModel(model: string, files: Record<string, string>) {
  const cache = memoryCache();
  for (const [file, body] of Object.entries(files)) {
    await cache.put(`${HOST}/${model}/resolve/main/${file}`, new Response(body, { headers: { 'content-length': String(body.length) } }));
  }
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.useCustomCache = true;
  env.customCache = cache as unknown as typeof env.customCache;
}

beforeEach(() => {
  defaultFetch = env.fetch;
  asked = [];
  env.allowLocalModels = false;
  env.fetch = (url: string | URL) => {
    asked.push(String(url));
    return Promise.reject(new TypeError('Failed to fetch'));
  };
});
afterEach(() => {
  env.fetch = defaultFetch;
  env.useCustomCache = false;
});

const q8Files = { 'config.json': CONFIG, 'tokenizer.json': '{}', 'tokenizer_config.json': '{}', 'onnx/model_quantized.onnx': 'x'.repeat(300) };

describe('onnxExportSource with the host unreachable', () => {
  it('answers from the cache: the cached dtype, its files and sizes, and that it is cached', async () => {
    const model = 'org/cached-offline';
    await cacheModel(model, q8Files);
    const query = { model, host: HOST, dtype: 'q8' as const, device: 'wasm' as const };
    expect(await onnxExportSource.availableDtypes(query)).toEqual(['q8']);
    expect(await onnxExportSource.cached(query)).toBe(true);
    expect(await onnxExportSource.files(query)).toEqual([
      { file: 'config.json', bytes: CONFIG.length },
      { file: 'onnx/model_quantized.onnx', bytes: 300 },
      { file: 'tokenizer.json', bytes: 2 },
      { file: 'tokenizer_config.json', bytes: 2 },
    ]);
    // It did try the host first: the cache is the fallback, not a shortcut.
    expect(asked.some((u) => u.startsWith(`${HOST}/${model}/resolve/main/onnx/model.onnx`))).toBe(true);
  });

  it('a model that is not cached still fails with the network error', async () => {
    await cacheModel('org/other', q8Files);
    await expect(onnxExportSource.availableDtypes({ model: 'org/not-cached-offline', host: HOST })).rejects.toThrow('Failed to fetch');
  });
});
