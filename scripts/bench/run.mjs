#!/usr/bin/env node
// npm run bench: the app and a bare transformers.js page in headless Chromium, on the fixture models.
// Prints `name: value` lines. Figures are wall-clock on this machine; compare runs on the same machine only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../chromium-path.mjs';

const HUB = 'http://127.0.0.1:7081';
const APP = 'http://127.0.0.1:4181/hat-wardrobe/';
const BARE = 'http://127.0.0.1:4182/';
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

const CASES = [
  {
    hat: 'sequence-classification',
    model: 'hw-test/tiny-distilbert-sst2',
    texts: (i) => `this movie was ${i % 2 ? 'great' : 'awful'} and the cat ${'sleeps '.repeat(i % 5)}said so ${i}`,
  },
  {
    hat: 'masked-lm',
    model: 'hw-test/tiny-bert-mlm',
    texts: (i) => `the ${['cat', 'dog', 'cow'][i % 3]} says [MASK] . ${'the '.repeat(i % 4)}${i}`,
  },
];

const children = [];
function start(cmd, args, env = {}) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}
function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}
async function waitFor(url) {
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
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r1 = (x) => Math.round(x * 10) / 10;

async function benchApp(browser, c) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = 0;
    new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length)).observe({ type: 'longtask', buffered: true });
  });
  const link = `${APP}?v=1&hat=${c.hat}&model=${encodeURIComponent(c.model)}&device=wasm&text=${encodeURIComponent(c.texts(0))}`;
  await page.goto(link);
  await page.locator('[data-testid="hat-view"][data-status="ready"]').waitFor({ timeout: 120_000 });
  console.error(`bench: ${c.hat} loaded`);
  const coldLoad = await page.evaluate(() => performance.now());
  const box = page.getByRole('textbox', { name: /^Text/ }).first();
  for (let i = 1; i <= RUNS; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName('hw:result-rendered').length);
    await box.fill(c.texts(i));
    await page.waitForFunction(
      (n) => performance.getEntriesByName('hw:result-rendered').length > n && document.querySelector('[data-testid=hat-view]')?.getAttribute('data-status') === 'ready',
      before,
      { timeout: 30_000 },
    );
  }
  console.error(`bench: ${c.hat} ${RUNS} warm runs done`);
  const { runs, longTasks } = await page.evaluate(() => {
    const sent = performance.getEntriesByName('hw:run-sent').map((e) => e.startTime);
    const done = performance.getEntriesByName('hw:result-rendered').map((e) => e.startTime);
    // Each rendered result belongs to the latest run sent before it.
    const runs = done.map((t) => t - Math.max(...sent.filter((s) => s <= t))).filter(Number.isFinite);
    return { runs: runs.slice(1), longTasks: window.__longTasks };
  });
  await context.close();
  return { coldLoad, runs, longTasks };
}

async function benchBare(browser, c) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BARE);
  const texts = Array.from({ length: RUNS + 1 }, (_, i) => c.texts(i));
  const times = await page.evaluate((req) => window.runBare(req), { host: HUB, model: c.model, kind: c.hat, texts });
  await context.close();
  return times.slice(1);
}

try {
  if (!existsSync('fixtures/models')) run('npm', ['run', 'fixtures']);
  run('npx', ['vite', 'build', '--base', '/hat-wardrobe/', '--outDir', 'bench-results/app', '--emptyOutDir'], { VITE_MODEL_HOST: HUB });
  run('npx', ['vite', 'build', '--config', 'scripts/bench/bare/vite.config.ts']);
  start('npx', ['tsx', 'scripts/test-hub/serve.ts', '--port', '7081', '--root', 'fixtures/models']);
  start('npx', ['vite', 'preview', '--outDir', 'bench-results/app', '--base', '/hat-wardrobe/', '--host', '127.0.0.1', '--port', '4181', '--strictPort']);
  start('npx', ['vite', 'preview', '--config', 'scripts/bench/bare/vite.config.ts', '--host', '127.0.0.1', '--port', '4182', '--strictPort']);
  await Promise.all([waitFor(`${HUB}/__health`), waitFor(APP), waitFor(BARE)]);

  const exe = chromiumPath();
  const browser = await chromium.launch({
    executablePath: exe || undefined,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const lines = [];
  for (const [i, c] of CASES.entries()) {
    const app = await benchApp(browser, c);
    const bare = await benchBare(browser, c);
    const p50 = pct(app.runs, 50);
    const bareP50 = pct(bare, 50);
    const suffix = i === 0 ? [''] : [];
    for (const s of [...suffix, `:${c.hat}`]) {
      lines.push(`cold_load_ms${s}: ${Math.round(app.coldLoad)}`);
      lines.push(`warm_run_ms_p50${s}: ${r1(p50)}`);
      lines.push(`warm_run_ms_p95${s}: ${r1(pct(app.runs, 95))}`);
      lines.push(`bare_pipeline_ms_p50${s}: ${r1(bareP50)}`);
      lines.push(`app_vs_bare_p50_ratio${s}: ${(p50 / bareP50).toFixed(2)}`);
      lines.push(`main_thread_long_tasks${s}: ${app.longTasks}`);
    }
  }
  await browser.close();
  console.log(`# ${RUNS} warm runs per hat, fixture models, WASM q8, ${new Date().toISOString()}`);
  console.log(lines.join('\n'));
} finally {
  for (const child of children) child.kill();
}
