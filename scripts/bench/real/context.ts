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

/** The bare transformers.js page with `model` loaded the way the app loads it. */
export async function openBare(b: RealBench, setup: { model: string; bareClass: string; dtype?: string; threads: number; wasm: 'cpu' | 'webgpu' }): Promise<Page> {
  const page = await (await freshContext(b)).newPage();
  await page.goto(b.bare);
  await page.evaluate((s) => window.bare.load(s), { host: b.hub, dtype: 'q8', ...setup });
  return page;
}

/** Which ONNX Runtime WebAssembly build these app requests fetched. */
export function wasmBuild(paths: readonly string[]): 'cpu' | 'webgpu' | undefined {
  const wasm = paths.filter((p) => /ort-wasm-simd-threaded[^/]*\.wasm$/.test(p));
  if (wasm.length === 0) return undefined;
  return wasm.some((p) => p.includes('.asyncify')) ? 'webgpu' : 'cpu';
}
