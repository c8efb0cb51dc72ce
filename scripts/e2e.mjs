#!/usr/bin/env node
/**
 * `npm run test:e2e [-- <playwright test args>]`
 *
 * 1. Finds a Chromium that starts: $CHROMIUM_PATH, else /usr/bin/chromium,
 *    else Playwright's own (installing it if need be), else explains how to get one.
 * 2. Builds the test models (`npm run fixtures`) if fixtures/models or its replicas are missing.
 * 3. Runs `npx playwright test <args>` with CHROMIUM_PATH set to the chosen
 *    browser (empty when Playwright's own is used; playwright.config.ts reads it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const HOW_TO = `No usable Chromium for the e2e tests. Get one of:
  - Debian/Ubuntu:       apt-get install chromium          (used from ${SYSTEM_CHROMIUM})
  - Playwright's own:    npx playwright install chromium  (needs access to Playwright's download host)
  - any other Chromium:  CHROMIUM_PATH=/path/to/chromium npm run test:e2e`;

const log = (msg) => console.log(`[e2e] ${msg}`);
const fail = (msg, code = 2) => {
  console.error(`[e2e] ${msg}`);
  process.exit(code);
};

async function loadChromium() {
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    return (await import('@playwright/test')).chromium;
  }
}

/** Launch headless and close: the only sure sign a browser works here. */
async function launches(chromium, executablePath) {
  const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  try {
    const browser = await chromium.launch({ executablePath, args, timeout: 60_000 });
    const version = browser.version();
    await browser.close();
    return { ok: true, version };
  } catch (err) {
    return { ok: false, error: String(err instanceof Error ? err.message : err).split('\n')[0] };
  }
}

async function findChromium() {
  const chromium = await loadChromium();

  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) fail(`CHROMIUM_PATH=${fromEnv} does not exist.\n${HOW_TO}`);
    const r = await launches(chromium, fromEnv);
    if (!r.ok) fail(`CHROMIUM_PATH=${fromEnv} does not start: ${r.error}\n${HOW_TO}`);
    log(`using CHROMIUM_PATH=${fromEnv} (Chromium ${r.version})`);
    return fromEnv;
  }

  if (existsSync(SYSTEM_CHROMIUM)) {
    const r = await launches(chromium, SYSTEM_CHROMIUM);
    if (r.ok) {
      log(`using ${SYSTEM_CHROMIUM} (Chromium ${r.version})`);
      return SYSTEM_CHROMIUM;
    }
    log(`${SYSTEM_CHROMIUM} does not start (${r.error}); trying Playwright's own browser`);
  }

  const tryOwn = async () => {
    if (!existsSync(chromium.executablePath())) return false;
    const r = await launches(chromium, undefined);
    if (r.ok) log(`using Playwright's own Chromium ${r.version}`);
    else log(`Playwright's Chromium does not start: ${r.error}`);
    return r.ok;
  };
  if (await tryOwn()) return '';

  log('no Chromium found; trying `npx playwright install chromium` …');
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 10 * 60_000,
  });
  if (install.status === 0 && (await tryOwn())) return '';
  fail(HOW_TO);
}

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (err) => {
      console.error(`[e2e] ${cmd}: ${err.message}`);
      resolve(1);
    });
  });
}

const chromiumPath = await findChromium();

// The replicas of the listed models live beside the hats' own test models; a tree built before them lacks them.
if (!existsSync(path.join(ROOT, 'fixtures', 'models', 'google-bert', 'bert-base-uncased'))) {
  log('fixtures/models (or its replicas of the listed models) is missing; running `npm run fixtures`');
  const code = await run('npm', ['run', 'fixtures']);
  if (code !== 0) fail('`npm run fixtures` failed', code);
}

const code = await run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  ...process.env,
  CHROMIUM_PATH: chromiumPath,
});
process.exit(code);
