import { InferenceSession, Tensor } from 'onnxruntime-web/webgpu';
import type { Device } from '@/engine/protocol';
import { CACHE_NAME } from '@/lib/model-cache';
import { EXTERNAL_DATA_FILE } from '@/lib/onnx';
import { guardedFetch } from '../net/fetch';
import { SESSION_OPTIONS } from '../setup';

/** The part of the Cache API the loader uses; the browser's `Cache` fits it, tests pass a map. */
export interface ByteCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
  keys(): Promise<readonly { url: string }[]>;
  delete(url: string): Promise<boolean>;
}

export interface GraphOutput {
  data: Float32Array;
  dims: number[];
}

/** One graph input: float values (pixels) or int64 indices (token ids, masks, patch orders). */
export type TensorFeed = { type: 'float32'; data: Float32Array; dims: number[] } | { type: 'int64'; data: BigInt64Array; dims: number[] };

/** An ONNX Runtime session on a graph built in the page. */
export interface CheckpointSession {
  inputNames: readonly string[];
  /** `outputs`: only these come back (a graph built to be looked inside has many more). */
  run(feeds: Record<string, TensorFeed>, outputs?: readonly string[]): Promise<Record<string, GraphOutput>>;
  release(): Promise<void>;
}

/** Where the loader's ONNX sessions come from: ONNX Runtime Web in the worker, onnxruntime-node in tests. */
export interface CheckpointRuntime {
  /** `data`: the graph's external data file (EXTERNAL_DATA_FILE), when its weights are not inline. */
  createSession(model: Uint8Array, device: Device, data?: Uint8Array): Promise<CheckpointSession>;
}

export interface CheckpointDeps {
  fetch: typeof fetch;
  /** Undefined where there is no Cache API (Node): everything is fetched each time. */
  cache(): Promise<ByteCache | undefined>;
  runtime: CheckpointRuntime;
}

const toOrt = (feed: TensorFeed) => (feed.type === 'float32' ? new Tensor('float32', feed.data, feed.dims) : new Tensor('int64', feed.data, feed.dims));

/**
 * [1] 'onnxruntime-web/webgpu' is the module instance transformers.js itself imports, so the wasm
 *     paths and thread count set in setup.ts apply here too, and the runtime is started only once.
 */
export const ortWebRuntime: CheckpointRuntime = {
  async createSession(model, device, data) {
    const session = await InferenceSession.create(model, {
      ...SESSION_OPTIONS,
      executionProviders: [device === 'webgpu' ? 'webgpu' : 'wasm'],
      logSeverityLevel: 3, // errors only, as transformers.js sets it for its own sessions
      ...(data ? { externalData: [{ path: EXTERNAL_DATA_FILE, data }] } : {}),
    });
    return {
      inputNames: session.inputNames,
      async run(feeds, outputs) {
        const inputs = Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, toOrt(v)]));
        const out = await (outputs ? session.run(inputs, outputs) : session.run(inputs));
        const result: Record<string, GraphOutput> = {};
        for (const [name, value] of Object.entries(out)) result[name] = { data: value.data as Float32Array, dims: [...value.dims] };
        return result;
      },
      release: () => session.release(),
    };
  },
};

async function browserCache(): Promise<ByteCache | undefined> {
  if (typeof caches === 'undefined') return undefined;
  // [2] The same cache transformers.js fills, so the page's "cached models" list and its Clear
  //     button see the checkpoint's ranges next to the model's config and tokenizer.
  const cache = await caches.open(CACHE_NAME);
  return {
    match: (url) => cache.match(url),
    put: (url, response) => cache.put(url, response),
    keys: () => cache.keys(),
    delete: (url) => cache.delete(url),
  };
}

export const defaultDeps: CheckpointDeps = {
  fetch: (input, init) => guardedFetch(input, init),
  cache: browserCache,
  runtime: ortWebRuntime,
};
