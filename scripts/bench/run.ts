// npm run bench: the app and a bare transformers.js page in headless Chromium, on the fixture models.
// Prints `name: value` lines. Figures are wall-clock on this machine; compare runs on the same machine only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';
import type { BenchCase } from '../../src/lib/onnx/fixture/fixture-spec';
import { hatFixtures } from '../fixtures/hat-fixtures';
import { EXTRAS } from './extras';

const HUB = 'http://127.0.0.1:7081';
const APP = 'http://127.0.0.1:4181/hat-wardrobe/';
const BARE = 'http://127.0.0.1:4182/';
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

type Case = BenchCase & { hat: string };

// One case per hat that declares one in its fixture.ts; sequence classification is the headline.
const CASES: Case[] = hatFixtures
  .flatMap((h) => (h.benchCase ? [{ hat: h.hat, ...h.benchCase }] : []))
  .sort((a, b) => Number(b.hat === 'sequence-classification') - Number(a.hat === 'sequence-classification'));

declare global {
  interface Window {
    __longTasks: number;
    runBare(request: { host: string; model: string; bareClass: string; texts: string[] }): Promise<number[]>;
  }
}

const children: ChildProcess[] = [];
function start(cmd: string, args: string[], env: Record<string, string> = {}) {
  children.push(spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] }));
}
function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}
async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

async function benchApp(browser: Browser, c: Case) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = 0;
    new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length)).observe({ type: 'longtask', buffered: true });
  });
  const query = new URLSearchParams({ v: '1', hat: c.hat, model: c.model, device: 'wasm' });
  for (const [key, value] of Object.entries(c.params)) for (const v of typeof value === 'string' ? [value] : value) query.append(key, v);
  await page.goto(`${APP}?${query}`);
  await page.locator('[data-testid="hat-view"][data-status="ready"]').waitFor({ timeout: 120_000 });
  const coldLoad = await page.evaluate(() => performance.now());
  console.error(`bench: ${c.hat} loaded`);
  const box = page.getByLabel(c.field, { exact: true });
  const tokensPerSecond: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName('hw:result-rendered').length);
    await box.fill(c.inputs(i));
    if (c.runButton) await page.getByRole('button', { name: c.runButton, exact: true }).click();
    await page.waitForFunction(
      (n) =>
        performance.getEntriesByName('hw:result-rendered').length > n &&
        document.querySelector('[data-testid=hat-view]')?.getAttribute('data-status') === 'ready',
      before,
      { timeout: 60_000 },
    );
    // Generation hats say how many tokens they wrote and how long the worker spent writing them.
    const generation = await page.evaluate(() => {
      const el = document.querySelector('[data-testid=generation]');
      return el ? { tokens: Number(el.getAttribute('data-new-tokens')), ms: Number(el.getAttribute('data-generate-ms')) } : undefined;
    });
    if (generation && generation.tokens > 0 && generation.ms > 0) tokensPerSecond.push((generation.tokens * 1000) / generation.ms);
  }
  console.error(`bench: ${c.hat} ${RUNS} warm runs done`);
  const { runs, longTasks } = await page.evaluate(() => {
    const sent = performance.getEntriesByName('hw:run-sent').map((e) => e.startTime);
    const done = performance.getEntriesByName('hw:result-rendered').map((e) => e.startTime);
    // Each rendered result belongs to the latest run sent before it.
    const runs = done.map((t) => t - Math.max(...sent.filter((s) => s <= t))).filter(Number.isFinite);
    return { runs: runs.slice(1), longTasks: window.__longTasks };
  });
  const extra: Record<string, number> = {};
  if (tokensPerSecond.length) extra[`tokens_per_s:${c.hat}`] = r1(pct(tokensPerSecond, 50));
  const steps = EXTRAS[c.hat];
  if (steps) Object.assign(extra, await steps(page));
  await context.close();
  return { coldLoad, runs, longTasks, extra };
}

async function benchBare(browser: Browser, c: Case): Promise<number[] | undefined> {
  if (!c.bareClass) return undefined;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BARE);
  const texts = Array.from({ length: RUNS + 1 }, (_, i) => c.inputs(i));
  const times = await page.evaluate((req) => window.runBare(req), { host: HUB, model: c.model, bareClass: c.bareClass, texts });
  await context.close();
  return times.slice(1);
}

try {
  if (!existsSync('fixtures/models')) run('npm', ['run', 'fixtures']);
  run('npx', ['vite', 'build', '--outDir', 'bench-results/app', '--emptyOutDir'], { VITE_MODEL_HOST: HUB });
  run('npx', ['vite', 'build', '--config', 'scripts/bench/bare/vite.config.ts']);
  start('npx', ['tsx', 'scripts/test-hub/serve.ts', '--port', '7081', '--root', 'fixtures/models']);
  start('npx', ['vite', 'preview', '--outDir', 'bench-results/app', '--base', '/hat-wardrobe/', '--host', '127.0.0.1', '--port', '4181', '--strictPort']);
  start('npx', ['vite', 'preview', '--config', 'scripts/bench/bare/vite.config.ts', '--host', '127.0.0.1', '--port', '4182', '--strictPort']);
  await Promise.all([waitFor(`${HUB}/__health`), waitFor(APP), waitFor(BARE)]);

  const browser = await chromium.launch({ executablePath: chromiumPath() || undefined, args: CHROMIUM_ARGS });
  const lines: string[] = [];
  for (const [i, c] of CASES.entries()) {
    const app = await benchApp(browser, c);
    const bare = await benchBare(browser, c);
    const p50 = pct(app.runs, 50);
    for (const s of i === 0 ? ['', `:${c.hat}`] : [`:${c.hat}`]) {
      lines.push(`cold_load_ms${s}: ${Math.round(app.coldLoad)}`);
      lines.push(`warm_run_ms_p50${s}: ${r1(p50)}`);
      lines.push(`warm_run_ms_p95${s}: ${r1(pct(app.runs, 95))}`);
      if (bare) {
        lines.push(`bare_pipeline_ms_p50${s}: ${r1(pct(bare, 50))}`);
        lines.push(`app_vs_bare_p50_ratio${s}: ${(p50 / pct(bare, 50)).toFixed(2)}`);
      }
      lines.push(`main_thread_long_tasks${s}: ${app.longTasks}`);
    }
    for (const [name, value] of Object.entries(app.extra)) lines.push(`${name}: ${value}`);
  }
  await browser.close();
  console.log(`# ${RUNS} warm runs per hat, fixture models, WASM q8, ${new Date().toISOString()}`);
  console.log(lines.join('\n'));
} finally {
  for (const child of children) child.kill();
}
