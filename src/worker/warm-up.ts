import { InferenceSession } from 'onnxruntime-web/webgpu';
import { checkWebgpu } from './setup';

/*
 * [1] ONNX Runtime fetches and compiles its WebAssembly (14 MB CPU-only, 27 MB with WebGPU) the
 *     first time any session is created: after the model's download, seconds that could have run
 *     beside it. Opening a session on a one-node graph at worker start begins it at once; the
 *     model's session later finds the runtime ready (ONNX Runtime initialises a backend once and
 *     shares that promise). WebGPU is asked about first, since that picks which build to fetch
 *     (chooseWasmBuild), and 'onnxruntime-web/webgpu' is the instance transformers.js uses.
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
