import { env } from '@huggingface/transformers';
import { browserModelCache, checkedCache } from './net/cache';
import { guardedFetch } from './net/fetch';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortCpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import ortCpuMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';

/** Absolute URL of a file the app itself serves (Vite may hand back a bare path). */
function own(url: string): string {
  return new URL(url, self.location.href).href;
}

/**
 * How many threads to ask ONNX Runtime for.
 * [1] Threads need SharedArrayBuffer, which only cross-origin isolated pages get.
 * [4] One core is left to the page where there are cores to spare, but never fewer than two threads
 *     when there are two cores: ONNX Runtime's own default (half the cores) would give a two-core
 *     school laptop one thread. Past four threads these small models gain little.
 */
export function threadCount(cores = navigator.hardwareConcurrency || 1, isolated = self.crossOriginIsolated): number {
  if (!isolated || cores < 2) return 1;
  return Math.min(4, Math.max(2, cores - 1));
}

/**
 * The threads ONNX Runtime really runs with: it writes its choice back into the flag when it
 * starts (one, where WebAssembly threads turn out not to work), so after a load this is the truth.
 */
export function threadsInUse(): number {
  return env.backends.onnx.wasm?.numThreads ?? 1;
}

/** Configures transformers.js for this app: own wasm files, no local /models/ probing. */
export function configureTransformers(): void {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useBrowserCache = true;
  // [2] ORT fetches its own wasm by URL (see warm-up.ts), which lets the browser stream-compile it and
  //     keep the compiled code; transformers.js' copy in the Cache API would only fetch it a second time.
  env.useWasmCache = false;
  // [5] Every model file goes through the guarded fetch (cancel, stall limit, size caps, checks of
  //     its content) and the checked cache (a file is handed out only while it still checks out).
  env.fetch = (input, init) => guardedFetch(input, init as RequestInit | undefined);
  env.useCustomCache = true;
  env.customCache = checkedCache(browserModelCache()) as unknown as typeof env.customCache;
  const onnx = env.backends.onnx;
  if (onnx.wasm) {
    onnx.wasm.wasmPaths = { wasm: own(ortWasm), mjs: own(ortMjs) };
    onnx.wasm.numThreads = threadCount();
  }
  if (onnx.logLevel !== undefined) onnx.logLevel = 'error';
}

export interface WebgpuCheck {
  ok: boolean;
  /** An adapter was found but failed (worth telling even when the device was left on auto). */
  present: boolean;
  /** Why WebGPU cannot be used, in the page's words. */
  reason?: string;
}

let check: Promise<WebgpuCheck> | undefined;

/**
 * [3] ONNX Runtime ships its WebAssembly twice: a build that can also drive WebGPU (asyncify,
 *     27 MB) and a CPU-only one (14 MB) that downloads and compiles in about half the time. Where
 *     WebGPU cannot work, the worker never needs the big one. It is decided before the first
 *     session starts (the engine asks about WebGPU before it loads anything) and holds for the
 *     worker's life, since ONNX Runtime loads its WebAssembly once.
 */
export function chooseWasmBuild(webgpu: boolean): void {
  const wasm = env.backends.onnx.wasm;
  if (wasm && !webgpu) wasm.wasmPaths = { wasm: own(ortCpuWasm), mjs: own(ortCpuMjs) };
}

/**
 * Asks once whether WebGPU really works here: an adapter, and a device from it.
 * [1] Checking the device too matters: if ONNX Runtime is the first to find that the GPU refuses,
 *     its WebAssembly runtime is left half-initialised and WASM cannot take over in this worker.
 */
export function checkWebgpu(): Promise<WebgpuCheck> {
  check ??= probeWebgpu().then((result) => {
    chooseWasmBuild(result.ok); // [3]
    return result;
  });
  return check;
}

async function probeWebgpu(): Promise<WebgpuCheck> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { ok: false, present: false, reason: 'This browser has no WebGPU.' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { ok: false, present: false, reason: 'This browser has WebGPU but offers no GPU adapter.' };
    const device = await adapter.requestDevice();
    device.destroy();
    return { ok: true, present: true };
  } catch (error) {
    return { ok: false, present: true, reason: `WebGPU is present but would not start (${error instanceof Error ? error.message : String(error)}).` };
  }
}
