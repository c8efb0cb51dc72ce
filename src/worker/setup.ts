import { env } from '@huggingface/transformers';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';

/** Absolute URL of a file the app itself serves (Vite may hand back a bare path). */
function own(url: string): string {
  return new URL(url, self.location.href).href;
}

export function threadCount(): number {
  // [1] Threads need SharedArrayBuffer, which only cross-origin isolated pages get.
  if (!self.crossOriginIsolated) return 1;
  return Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
}

/** Configures transformers.js for this app: own wasm files, no local /models/ probing. */
export function configureTransformers(): void {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useBrowserCache = true;
  const onnx = env.backends.onnx;
  if (onnx.wasm) {
    onnx.wasm.wasmPaths = { wasm: own(ortWasm), mjs: own(ortMjs) };
    onnx.wasm.numThreads = threadCount();
  }
  if (onnx.logLevel !== undefined) onnx.logLevel = 'error';
}

let adapterCheck: Promise<boolean> | undefined;

/** True when this browser hands out a WebGPU adapter (asked once). */
export function webgpuAvailable(): Promise<boolean> {
  adapterCheck ??= (async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    if (!gpu) return false;
    try {
      return (await gpu.requestAdapter()) !== null;
    } catch {
      return false;
    }
  })();
  return adapterCheck;
}
