import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { freshContext, openApp, type RealBench } from './context';
import { ENCODER_ID } from './models';

export interface FirstVisit {
  /** Bytes the app's own server sent (headers included). */
  bytes: number;
  /** Requests per path, for the paths asked for more than once. */
  repeated: Record<string, number>;
  requests: number;
  /** The ONNX Runtime build this device uses: the WebGPU-capable one only where a GPU adapter exists. */
  wasm: 'cpu' | 'webgpu';
}

/**
 * A first visit with an empty cache and the service worker allowed: open a share link, let the model
 * load and the service worker install (it precaches the shell), then count what the app's server sent
 * until it has been quiet for two seconds.
 */
export async function firstVisit(b: RealBench): Promise<FirstVisit> {
  const context = await freshContext(b, 'allow');
  b.appServer.reset();
  const page = await openApp(b, context, 'sequence-classification', { model: ENCODER_ID, dtype: 'q8', text: 'the cat sat on the mat' });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const gpu = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return !!(await gpu?.requestAdapter().catch(() => null));
  });
  for (let last = -1; b.appServer.bytes() !== last; ) {
    last = b.appServer.bytes();
    await new Promise((r) => setTimeout(r, 2000));
  }
  const paths = b.appServer.requests();
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(p, (counts.get(p) ?? 0) + 1);
  await context.close();
  const repeated = Object.fromEntries([...counts].filter(([, n]) => n > 1));
  return { bytes: b.appServer.bytes(), repeated, requests: paths.length, wasm: gpu ? 'webgpu' : 'cpu' };
}

/**
 * The goal: every file of the built app once, without the ONNX Runtime build this device does not
 * use (the WebGPU-capable one where there is no GPU adapter, else the CPU-only one).
 */
export function firstVisitGoal(outDir: string, used: 'cpu' | 'webgpu'): number {
  let total = 0;
  for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(outDir, file);
    if (!statSync(full).isFile()) continue;
    if (file.includes('ort-wasm-simd-threaded') && file.includes('.asyncify') !== (used === 'webgpu')) continue;
    if (/\.(map|onnx|safetensors)$/.test(file)) continue;
    total += statSync(full).size;
  }
  return total;
}
