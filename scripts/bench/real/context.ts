import type { Browser, BrowserContext, Page } from '@playwright/test';
import { shareQuery, waitReady } from '../app-page';
import type { CountingProxy } from '../servers';

/** What every part of the real-size bench gets: the browser, the servers and how often to repeat. */
export interface RealBench {
  browser: Browser;
  hub: string;
  app: string;
  bare: string;
  /** In front of the app's server: bytes and paths it served. */
  appServer: CountingProxy;
  /** Timed warm runs per figure (after one run that is not counted). */
  runs: number;
  log(line: string): void;
}

/** A fresh context (empty cache) without the app's service worker, which would precache the shell in every one. */
export function freshContext(b: RealBench, serviceWorkers: 'allow' | 'block' = 'block'): Promise<BrowserContext> {
  return b.browser.newContext({ serviceWorkers });
}

/** Opens a share link of the app in `context` and waits until the hat is ready. */
export async function openApp(b: RealBench, context: BrowserContext, hat: string, params: Record<string, string>): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${b.app}?${shareQuery(hat, { device: 'wasm', ...params })}`);
  await waitReady(page);
  return page;
}

/** Where a bare baseline runs its model: in a worker, as the app runs its own, or on its page's main thread. */
export type Placement = 'worker' | 'main';

/**
 * Where the bare baselines run unless a part asks for both: in a worker by default, since the app runs
 * every model in one (its page must stay responsive). The same greedy loop ran up to 5% faster on a
 * page's main thread than in a worker on this 2-core machine (likely because a main thread, which may
 * not block, waits for ONNX Runtime's other thread by spinning): a cost of where a model runs, which
 * no app that keeps its page responsive can avoid, not a cost of the app.
 * `BENCH_BARE_PLACEMENT=main` puts them on the main thread, as the bench had them before.
 */
export const BARE_PLACEMENT: Placement = process.env.BENCH_BARE_PLACEMENT === 'main' ? 'main' : 'worker';

/** The bare transformers.js page with `model` loaded the way the app loads it. */
export async function openBare(
  b: RealBench,
  setup: { model: string; bareClass: string; dtype?: string; threads: number; wasm: 'cpu' | 'webgpu'; placement?: Placement },
): Promise<Page> {
  const page = await (await freshContext(b)).newPage();
  await page.goto(b.bare);
  await page.evaluate((s) => window.bare.load(s), { host: b.hub, dtype: 'q8', placement: BARE_PLACEMENT, ...setup });
  return page;
}

/** Which ONNX Runtime WebAssembly build these app requests fetched. */
export function wasmBuild(paths: readonly string[]): 'cpu' | 'webgpu' | undefined {
  const wasm = paths.filter((p) => /ort-wasm-simd-threaded[^/]*\.wasm$/.test(p));
  if (wasm.length === 0) return undefined;
  return wasm.some((p) => p.includes('.asyncify')) ? 'webgpu' : 'cpu';
}
