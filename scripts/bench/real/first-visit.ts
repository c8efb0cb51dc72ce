import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openApp, profileContext, wasmBuild, type RealBench } from './context';
import { ENCODER_ID } from './models';

export interface FirstVisit {
  /** Bytes the app's own server sent (headers included). */
  bytes: number;
  /** Downloads per path (conditional requests left out), for the paths downloaded more than once. */
  repeated: Record<string, number>;
  /** Conditional requests per path: the browser asked whether a file it holds changed (a 304, no body). */
  revalidated: Record<string, number>;
  requests: number;
  /** Every path asked for, once each, in the order first asked. */
  paths: string[];
  /** The ONNX Runtime build the app fetched (src/lib/ort-build.ts decides: WebGPU-capable only where WebGPU works). */
  wasm: 'cpu' | 'webgpu';
}

/**
 * A first visit with an empty cache and the service worker allowed: open a share link, let the model
 * load and the service worker install (it precaches the shell), then count what the app's server sent
 * until it has been quiet for two seconds.
 * [1] In a new profile on disk (profileContext), as a student's browser is: a browser context of its own
 *     is off the record, and its in-memory HTTP cache keeps no file over about a megabyte, so the service
 *     worker could not take the 14 MB runtime the page had just fetched from it, as a real browser's disk cache lets it.
 */
export async function firstVisit(b: RealBench): Promise<FirstVisit> {
  const context = await profileContext();
  try {
    b.appServer.reset();
    const page = await openApp(b, context, 'sequence-classification', { model: ENCODER_ID, dtype: 'q8', text: 'the cat sat on the mat' });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    for (let last = -1; b.appServer.bytes() !== last; ) {
      last = b.appServer.bytes();
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    await context.close();
  }
  const paths = b.appServer.requests();
  const revalidations = b.appServer.revalidations();
  const downloads = [...paths];
  for (const p of revalidations) downloads.splice(downloads.indexOf(p), 1);
  return {
    bytes: b.appServer.bytes(),
    repeated: Object.fromEntries([...tally(downloads)].filter(([, n]) => n > 1)),
    revalidated: Object.fromEntries(tally(revalidations)),
    requests: paths.length,
    paths: [...tally(paths).keys()],
    wasm: wasmBuild(paths) ?? 'cpu',
  };
}

function tally(paths: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
}

/**
 * The goal, in bytes on disk: what a first visit must fetch, each file once. That is the page, the
 * service worker and every file it precaches (the app's scripts, styles and pictures, and the demo
 * wardrobe: a first visit keeps it, so `host=demo` works offline), plus the one ONNX Runtime build
 * the device runs. Not counted: the other build, source maps, and the model (from the model host).
 * The server compresses scripts, so a visit that meets it sends less than this.
 */
export function firstVisitGoal(outDir: string, used: 'cpu' | 'webgpu'): { bytes: number; parts: Record<string, number> } {
  const size = (file: string) => statSync(path.join(outDir, file)).size;
  const sw = readFileSync(path.join(outDir, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
  const runtime = readdirSync(path.join(outDir, 'assets'))
    .filter((f) => f.startsWith('ort-wasm-simd-threaded') && /\.(wasm|mjs)$/.test(f) && f.includes('.asyncify') === (used === 'webgpu'))
    .map((f) => `assets/${f}`);
  const sum = (files: string[]) => files.reduce((n, f) => n + size(f), 0);
  const parts = {
    // A build that precaches ONNX Runtime is held to the goal all the same: one build, counted once.
    shell: sum(['sw.js', ...precached.filter((f) => !f.startsWith('demo-models/') && !f.includes('ort-wasm-simd-threaded'))]),
    demo: sum(precached.filter((f) => f.startsWith('demo-models/'))),
    runtime: sum(runtime),
  };
  return { bytes: parts.shell + parts.demo + parts.runtime, parts };
}
