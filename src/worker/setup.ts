import { env } from '@huggingface/transformers';
import { browserModelCache, checkedCache } from './net/cache';
import { guardedFetch } from './net/fetch';
import { ortBuild, ortFiles, probeWebgpu, type OrtBuild, type WebgpuCheck } from '@/lib/ort-build';

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

/**
 * Options every ONNX Runtime session of the worker is created with (transformers.js' `session_options`,
 * and the checkpoint runtime's own sessions).
 * [6] Between two pieces of parallel work ONNX Runtime's threads spin instead of sleeping, and after
 *     a run they go on spinning for a while. During a run that is what makes it fast (measured on a
 *     BERT-base-sized checkpoint at 128 tokens: q8 about 20% slower with threads that sleep at once);
 *     after it, on a two-core laptop, the spinning thread holds the core the page needs to receive
 *     and draw the answer (a trace of the fixture showed the page's work stretched from 0.4 to 1.5 ms
 *     of wall time around 0.4 ms of CPU). So the threads spin while a run lasts and stop when it ends.
 */
export const SESSION_OPTIONS = { extra: { session: { force_spinning_stop: '1' } } } as const;

/**
 * The options of a model that runs step after step (a generator's decoder): its threads keep spinning
 * between runs, as ONNX Runtime's own default has them, since the next run follows within a
 * millisecond. Stopped at the end of every decoding step, the pool's second thread had to be woken at
 * the start of the next one, and the step lost 0.4–0.6 ms of its 12–15 ms (distilgpt2-sized, greedy,
 * the model's own run timed in the worker against the same run in a bare loop, seven pairs twice:
 * 0.56 and 0.62 ms a token slower stopping, 0.16 and 0.04 spinning). The page still gets its core
 * back shortly after the last step: a pool left spinning goes to sleep by itself.
 */
export const STEPPING_SESSION_OPTIONS = { extra: { session: { force_spinning_stop: '0' } } } as const;

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
    onnx.wasm.wasmPaths = ortFiles('webgpu', self.location.href);
    onnx.wasm.numThreads = threadCount();
  }
  if (onnx.logLevel !== undefined) onnx.logLevel = 'error';
}

export type { WebgpuCheck };

let check: Promise<WebgpuCheck> | undefined;

/**
 * [3] The WebAssembly build follows the WebGPU check (src/lib/ort-build.ts, the page decides the
 *     same way for the service worker's copy). It is decided before the first session starts (the
 *     engine and the warm-up ask about WebGPU before they load anything) and holds for the worker's
 *     life, since ONNX Runtime loads its WebAssembly once.
 */
export function chooseWasmBuild(build: OrtBuild): void {
  const wasm = env.backends.onnx.wasm;
  if (wasm) wasm.wasmPaths = ortFiles(build, self.location.href);
}

/** Asks once whether WebGPU really works here, and picks the WebAssembly build by the answer. */
export function checkWebgpu(): Promise<WebgpuCheck> {
  check ??= probeWebgpu().then((result) => {
    chooseWasmBuild(ortBuild(result)); // [3]
    return result;
  });
  return check;
}
