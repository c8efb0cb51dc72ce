/*
 * Which of ONNX Runtime's two WebAssembly builds this device runs, decided the same way in the page
 * (which tells the service worker to keep that build, src/app/offline/runtime-cache.ts) and in the
 * inference worker (which loads it, src/worker/setup.ts).
 * [1] ONNX Runtime ships its WebAssembly twice: a build that can also drive WebGPU (asyncify, 27 MB)
 *     and a CPU-only one (14 MB) that downloads and compiles in about half the time. The big one is
 *     worth its bytes only where WebGPU really works: an adapter, and a device from it.
 * [2] Checking the device too matters: if ONNX Runtime is the first to find that the GPU refuses,
 *     its WebAssembly runtime is left half-initialised and WASM cannot take over in that worker.
 */
import webgpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import webgpuMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import cpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import cpuMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';

export type OrtBuild = 'cpu' | 'webgpu';

export interface WebgpuCheck {
  ok: boolean;
  /** An adapter was found but failed (worth telling even when the device was left on auto). */
  present: boolean;
  /** Why WebGPU cannot be used, in the page's words. */
  reason?: string;
}

/** [1] The build for what the WebGPU check found. */
export function ortBuild(check: Pick<WebgpuCheck, 'ok'>): OrtBuild {
  return check.ok ? 'webgpu' : 'cpu';
}

/** A build's two files, as absolute URLs of this site (`base`: where the asking script runs). */
export function ortFiles(build: OrtBuild, base: string): { wasm: string; mjs: string } {
  const files = build === 'webgpu' ? { wasm: webgpuWasm, mjs: webgpuMjs } : { wasm: cpuWasm, mjs: cpuMjs };
  return { wasm: new URL(files.wasm, base).href, mjs: new URL(files.mjs, base).href };
}

type GpuLike = { requestAdapter(): Promise<{ requestDevice(): Promise<{ destroy(): void }> } | null> };

/** [2] Whether WebGPU works here: an adapter, and a device from it. */
export async function probeWebgpu(gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu): Promise<WebgpuCheck> {
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
