import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium';
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

/**
 * A new browser profile on disk, with the app's service worker, as a student's browser has them: what
 * a second visit finds there is what the student's does. A fresh context (freshContext) is an
 * incognito one, whose Chrome keeps no compiled code for the next visit and whose memory cache keeps
 * no 14 MB file: its second visits compile ONNX Runtime's WebAssembly again, which no student's do.
 * Its own browser; closing the context closes that browser and deletes the profile.
 */
export async function profileContext(): Promise<BrowserContext> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hw-bench-profile-'));
  profiles.add(dir);
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath() || undefined, args: CHROMIUM_ARGS, serviceWorkers: 'allow' });
  // The browser may still be writing its last files as the context closes: a few tries, a second apart.
  context.on('close', () => void removeProfile(dir, 10));
  return context;
}

const profiles = new Set<string>();

async function removeProfile(dir: string, tries: number): Promise<void> {
  for (let i = 0; i < tries && profiles.has(dir); i++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      profiles.delete(dir);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Removes the profiles left behind (the bench's end calls it, after its browsers have closed). */
export function removeProfiles(): void {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  profiles.clear();
}

/**
 * Flushes what the browser profiles wrote to the disk. A checkpoint's first visit writes about half a
 * gigabyte into its profile (the checkpoint's bytes in the Cache API, the built model); a student's
 * next visit comes after the laptop has written them out, so the kernel's writeback of them is kept
 * out of what is timed next.
 */
export function settleDisk(): void {
  execFileSync('sync');
}

/**
 * Waits until the app's service worker keeps the shell and this device's ONNX Runtime, as it does
 * a few seconds into a first visit, before a student would come back.
 */
export async function offlineCopyKept(page: Page): Promise<void> {
  await page.locator('[data-testid=connection-status][data-shell=ready]').waitFor({ state: 'attached', timeout: 120_000 });
  await page.waitForFunction(
    async () => {
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) if (/ort-wasm-simd-threaded[^/]*\.wasm$/.test(request.url)) return true;
      }
      return false;
    },
    undefined,
    { polling: 250, timeout: 120_000 },
  );
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
