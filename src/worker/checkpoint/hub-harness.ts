import { env } from '@huggingface/transformers';
import type { Device } from '@/engine/protocol';
import type { FileProgress } from '../adapter';
import type { CheckpointDeps, CheckpointRuntime } from './deps';
import { memoryCache } from './testing';

/*
 * For the loader's tests: the Hub-shaped test server (scripts/test-hub) started in-process, ONNX
 * Runtime for Node, and transformers.js pointed at an in-memory cache. Node-only modules are
 * imported by a computed name so the app's type check (browser types only) never sees them.
 */

export interface HubLogEntry {
  method: string;
  url: string;
  status: number;
  range: string | null;
}

export interface Hub {
  url: string;
  log(): HubLogEntry[];
  resetLog(): void;
  close(): Promise<void>;
}

const nodeImport = <T>(specifier: string): Promise<T> => import(/* @vite-ignore */ specifier) as Promise<T>;

export async function startHub(root: string): Promise<Hub> {
  const hubModule = new URL('../../../scripts/test-hub/hub.ts', import.meta.url).pathname;
  const { createTestHub } = await nodeImport<{ createTestHub(o: { root: string }): Promise<Hub> }>(hubModule);
  return createTestHub({ root });
}

interface NodeTensor {
  data: unknown;
  dims: readonly number[];
}
interface NodeOrt {
  InferenceSession: {
    create(model: Uint8Array, options: { executionProviders: string[] }): Promise<{
      inputNames: readonly string[];
      run(feeds: Record<string, unknown>): Promise<Record<string, NodeTensor>>;
      release(): Promise<void>;
    }>;
  };
  Tensor: new (type: 'int64', data: BigInt64Array, dims: number[]) => unknown;
}

/** onnxruntime-node with the CPU provider: the same graph the worker runs on WASM. */
export async function nodeRuntime(): Promise<CheckpointRuntime & { devices: Device[] }> {
  const ort = await nodeImport<NodeOrt>('onnxruntime-node');
  const devices: Device[] = [];
  return {
    devices,
    async createSession(model, device) {
      devices.push(device);
      const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'] });
      return {
        inputNames: session.inputNames,
        async run(feeds) {
          const tensors = Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, new ort.Tensor('int64', v.data, v.dims)]));
          const out = await session.run(tensors);
          return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { data: v.data as Float32Array, dims: [...v.dims] }]));
        },
        release: () => session.release(),
      };
    },
  };
}

/** Fresh loader deps over one shared cache; transformers.js (config, tokenizer) uses that cache too. */
export function depsWith(runtime: CheckpointRuntime, cache = memoryCache()): CheckpointDeps & { shared: typeof cache } {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.useCustomCache = true;
  env.customCache = cache as unknown as typeof env.customCache;
  return { fetch: (input, init) => fetch(input, init), cache: async () => cache, runtime, shared: cache };
}

export function loadContext(host: string, model: string, dtype: 'fp32' | 'q8' = 'fp32') {
  const progress: FileProgress[] = [];
  return { ctx: { model, host, device: 'wasm' as const, dtype, onProgress: (p: FileProgress) => progress.push(p) }, progress };
}
