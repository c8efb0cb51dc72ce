import { InferenceSession } from 'onnxruntime-web/webgpu';
import type { Device } from '@/engine/protocol';
import { checkWebgpu } from './setup';

/*
 * [1] ONNX Runtime fetches and compiles its WebAssembly (14 MB CPU-only, 27 MB with WebGPU) the
 *     first time any session is created: after the model's download, seconds that could have run
 *     beside it. Opening a session on a one-node graph at worker start begins it at once; the
 *     model's session later finds the runtime ready (ONNX Runtime starts its WebAssembly once), so
 *     the file is fetched once, from the very URL the model's session would use. WebGPU is asked
 *     about first, since that picks which build to fetch (checkWebgpu), and 'onnxruntime-web/webgpu'
 *     is the instance transformers.js uses.
 * [2] The warm-up starts the runtime on WASM. A WebGPU load waits until it is over: ONNX Runtime
 *     refuses to start its WebAssembly for a second device while the first is still starting it
 *     ("multiple calls to initWasm()"), and to create two WebGPU sessions at once, so on WebGPU the
 *     model's download begins once the runtime has started. A WASM load shares the start.
 */
let started: Promise<void> | undefined;

export function warmUpRuntime(): Promise<void> {
  started ??= (async () => {
    await checkWebgpu();
    const { GraphBuilder, serializeModel } = await import('@/lib/onnx');
    const g = new GraphBuilder('warm-up');
    g.output(g.node('Identity', [g.input('x', 'float32', [1])], {}, 'y'), 'float32', [1]);
    const session = await InferenceSession.create(serializeModel(g.toModel()), { executionProviders: ['wasm'] });
    await session.release();
  })().catch(() => undefined); // a real load reports the same failure in the page's words
  return started;
}

/** [2] Resolves when a session may start on `device`. */
export async function runtimeFor(device: Device): Promise<void> {
  if (device !== 'wasm') await started;
}
