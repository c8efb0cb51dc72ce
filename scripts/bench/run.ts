// npm run bench: the app and a bare transformers.js page in headless Chromium, on the fixture models.
// `npm run bench -- --mirror` only the mirror view; `npm run bench -- --real` (npm run bench:real) measures random-weight models of real size instead: see real/run.ts.
// Prints `name: value` lines. Figures are wall-clock on this machine; compare runs on the same machine only.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';
import type { BenchCase } from '../../src/lib/onnx/fixture/fixture-spec';
import { hatFixtures } from '../fixtures/hat-fixtures';
import { appRun, pct, r1, shareQuery, shownThreads, waitReady } from './app-page';
import { EXTRAS } from './extras';
import { benchMirror } from './mirror';
import { run, stopGroups, stopGroupsOnExit } from './processes';
import { startServers } from './servers';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const HUB = `http://127.0.0.1:${port('BENCH_HUB_PORT', 7081)}`;
const APP = `http://127.0.0.1:${port('BENCH_APP_PORT', 4181)}/hat-wardrobe/`;
const BARE = `http://127.0.0.1:${port('BENCH_BARE_PORT', 4182)}/`;
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
/** The app's typing pause before a run (DEBOUNCE_MS in src/app/controller.ts, which this script cannot import: it is page code). */
const TYPING_PAUSE_MS = 250;
/** BENCH_HATS=a,b measures only those hats (the headline ratio is sequence-classification's). */
const ONLY = process.env.BENCH_HATS?.split(',');

type Case = BenchCase & { hat: string };

// One case per hat that declares one in its fixture.ts; sequence classification is the headline.
const CASES: Case[] = hatFixtures
  .flatMap((h) => (h.benchCase ? [{ hat: h.hat, ...h.benchCase }] : []))
  .filter((c) => !ONLY || ONLY.includes(c.hat))
  .sort((a, b) => Number(b.hat === 'sequence-classification') - Number(a.hat === 'sequence-classification'));

declare global {
  interface Window {
    __longTasks: number;
  }
}

async function benchApp(browser: Browser, c: Case) {
  // The app's service worker precaches the whole shell (~40 MB) in a fresh context: a one-off cost of
  // a first visit that would land on the first warm runs measured here, not an overhead of each run.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = 0;
    new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length)).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${APP}?${shareQuery(c.hat, { ...c.params, model: c.model, device: 'wasm' })}`);
  await waitReady(page, 120_000);
  const coldLoad = await page.evaluate(() => performance.now());
  const threads = c.bareClass ? await shownThreads(page) : 0;
  console.error(`bench: ${c.hat} loaded`);
  const runs: number[] = [];
  const tokensPerSecond: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const { ms, generation } = await appRun(page, c.field, c.inputs(i), c.runButton, 60_000);
    if (i > 1) runs.push(ms);
    if (generation && generation.tokens > 0 && generation.ms > 0) tokensPerSecond.push((generation.tokens * 1000) / generation.ms);
  }
  console.error(`bench: ${c.hat} ${RUNS} warm runs done`);
  const longTasks = await page.evaluate(() => window.__longTasks);
  const extra: Record<string, number> = {};
  if (tokensPerSecond.length) extra[`tokens_per_s:${c.hat}`] = r1(pct(tokensPerSecond, 50));
  const steps = EXTRAS[c.hat];
  if (steps) Object.assign(extra, await steps(page));
  await context.close();
  return { coldLoad, runs, longTasks, extra, threads };
}

/**
 * The same model and inputs called directly, with the thread count the app ran with: the ratio compares
 * the app's overhead, not thread counts. `pauseMs` idles before each call as the app does after a
 * keystroke: a call after a pause is slower than one in a tight loop (caches and the CPU have gone cold),
 * and that is not a cost of the app.
 */
async function benchBare(browser: Browser, c: Case, threads: number, pauseMs = 0): Promise<number[] | undefined> {
  if (!c.bareClass) return undefined;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BARE);
  const texts = Array.from({ length: RUNS + 1 }, (_, i) => c.inputs(i));
  const times = await page.evaluate((req) => window.runBare(req), { host: HUB, model: c.model, bareClass: c.bareClass, texts, threads, pauseMs });
  await context.close();
  return times.slice(1);
}

async function fixtureBench(): Promise<void> {
  if (!existsSync('fixtures/models')) run('npm', ['run', 'fixtures']);
  await startServers({ hub: HUB, hubRoot: 'fixtures/models', app: APP, bare: BARE });
  const browser = await chromium.launch({ executablePath: chromiumPath() || undefined, args: CHROMIUM_ARGS });
  const lines: string[] = [];
  // Figures of a few milliseconds move with whatever else the machine runs: say how busy it was.
  const loadBefore = loadavg()[0]!;
  try {
    // `npm run bench -- --mirror` times the mirror alone.
    for (const [i, c] of (process.argv.includes('--mirror') ? [] : CASES).entries()) {
      const app = await benchApp(browser, c);
      const bare = await benchBare(browser, c, app.threads);
      // Only the headline hat: the paced baseline costs RUNS typing pauses.
      const paced = i === 0 ? await benchBare(browser, c, app.threads, TYPING_PAUSE_MS) : undefined;
      const p50 = pct(app.runs, 50);
      for (const s of i === 0 ? ['', `:${c.hat}`] : [`:${c.hat}`]) {
        lines.push(`cold_load_ms${s}: ${Math.round(app.coldLoad)}`);
        lines.push(`warm_run_ms_p50${s}: ${r1(p50)}`);
        lines.push(`warm_run_ms_p95${s}: ${r1(pct(app.runs, 95))}`);
        if (bare) {
          lines.push(`bare_pipeline_ms_p50${s}: ${r1(pct(bare, 50))}`);
          lines.push(`app_vs_bare_p50_ratio${s}: ${(p50 / pct(bare, 50)).toFixed(2)}`);
        }
        if (paced) {
          lines.push(`bare_paced_ms_p50${s}: ${r1(pct(paced, 50))}`);
          lines.push(`app_vs_paced_bare_p50_ratio${s}: ${(p50 / pct(paced, 50)).toFixed(2)}`);
        }
        lines.push(`main_thread_long_tasks${s}: ${app.longTasks}`);
      }
      for (const [name, value] of Object.entries(app.extra)) lines.push(`${name}: ${value}`);
    }
    lines.push(...(await benchMirror(browser, APP)));
  } finally {
    await browser.close();
  }
  const load = `load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after (${cpus().length} cores)`;
  console.log(`# ${RUNS} warm runs per hat, fixture models, WASM q8, ${new Date().toISOString()}, ${load}`);
  console.log(lines.join('\n'));
}

stopGroupsOnExit();
const real = () => import('./real/run');
const entry = process.argv.includes('--profile')
  ? real().then((m) => m.realProfile())
  : process.argv.includes('--real')
    ? real().then((m) => m.realBench())
    : fixtureBench();
await entry.finally(() => stopGroups());
