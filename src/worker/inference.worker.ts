/// <reference lib="webworker" />
import type { WorkerRequest, WorkerResponse } from '@/engine/protocol';
import { modelMemoryBudget } from '@/lib/device-memory';
import { evictModel } from '@/lib/model-cache';
import { ortFiles } from '@/lib/ort-build';
import type { HatAdapter } from './adapter';
import { Engine } from './engine';
import { inbox } from './inbox';
import { onnxExportSource, setHost } from './hub';
import { preferHttpCache } from './runtime-fetch';
import { checkWebgpu, configureTransformers, threadsInUse } from './setup';
import { runtimeFor, warmUpRuntime } from './warm-up';

declare const self: DedicatedWorkerGlobalScope;

// [2] in runtime-fetch.ts: ONNX Runtime's WebAssembly (either build) is asked of the HTTP cache first.
const runtimeWasm = new Set([ortFiles('cpu', self.location.href).wasm, ortFiles('webgpu', self.location.href).wasm]);
self.fetch = preferHttpCache(self.fetch.bind(self), (url) => runtimeWasm.has(url));
configureTransformers();
// [1] in warm-up.ts: ONNX Runtime's WebAssembly downloads and compiles beside the model's files.
void warmUpRuntime();

// Every hat's worker half, found by folder: adding a hat does not touch the engine.
const modules = import.meta.glob<{ default: HatAdapter }>('../hats/*/adapter.ts');
// Views that show one model several ways (the mirror) have a worker half too, keyed `view:<folder>`.
const views = import.meta.glob<{ default: HatAdapter }>('./views/*/adapter.ts');
const adapters = Object.fromEntries([
  ...Object.entries(modules).map(([path, load]) => [path.split('/')[2]!, async () => (await load()).default] as const),
  ...Object.entries(views).map(([path, load]) => [`view:${path.split('/')[2]!}`, async () => (await load()).default] as const),
]);

const engine = new Engine({
  adapters,
  defaultSource: onnxExportSource,
  setHost,
  webgpu: checkWebgpu,
  post: (message: WorkerResponse) => self.postMessage(message),
  now: () => performance.now(),
  threads: threadsInUse,
  cores: () => navigator.hardwareConcurrency || 1,
  crossOriginIsolated: () => self.crossOriginIsolated,
  maxBytes: modelMemoryBudget(),
  evict: evictModel,
  runtimeFor,
});

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  inbox.receive(request);
  if (request.type !== 'mailbox') void engine.handle(request);
});
