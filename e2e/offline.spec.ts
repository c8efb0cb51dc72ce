import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serveBuild, type StaticSite } from './support/static-site.ts';
import type { Page, Response } from '@playwright/test';
import { expect, gotoHat, hatUrl, HUB_URL, isLoopbackUrl, keptRuntimeFiles, offlineAgain, test, waitForHatStatus } from './support/test.ts';

const MLM = 'hw-test/tiny-bert-mlm';
const SWAG = 'hw-test/tiny-bert-swag';

/** `npm run pack -- <args>`, as a teacher would type it. */
function pack(args: string[]) {
  return promisify(execFile)('npx', ['tsx', '--tsconfig', 'tsconfig.node.json', 'scripts/pack/pack.ts', ...args], { timeout: 60_000 });
}

// These tests need the service worker, whatever the other specs choose.
test.use({ serviceWorkers: 'allow' });

// Each test loads models twice (two hats, or before and after a reload): slow() gives that room.
test.beforeEach(() => test.slow());

test('a pack in the site\'s models/ folder runs the hats with the hub cut off, one click away', async ({ page, context }) => {
  // A second copy of the site, as a school would put it up, with a pack in its models/ folder.
  const served: string[] = [];
  let site: StaticSite | undefined;
  try {
    site = await serveBuild({ onRequest: (url) => served.push(url) });
    const { stdout } = await pack(['--host', HUB_URL, '--out', path.join(site.dir, 'models'), MLM, SWAG]);
    expect(stdout).toMatch(/Packed 2 model\(s\): 10 files/);
    await context.route(`${HUB_URL}/**`, (route) => route.abort('connectionrefused'));

    // The build points at the (now unreachable) hub: the model cannot load, until the site's pack is picked.
    await page.goto(new URL(hatUrl({ hat: 'masked-lm', model: MLM, text: 'the cat says [MASK] .' }), site.url).href);
    // This server sends no COOP/COEP: the page reloads once into isolation (isolation.spec.ts) before it settles.
    await page.waitForFunction(() => self.crossOriginIsolated);
    await waitForHatStatus(page, 'error');
    const status = page.getByTestId('connection-status');
    await status.click();
    await page.getByRole('button', { name: 'Use this site\'s models' }).click();
    await waitForHatStatus(page, 'ready');
    await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('meow');
    await expect(status).toContainText('this site');
    await expect(page.getByTestId('connection-host')).toHaveText(`${site.url}models`);
    expect(served).toContain(`/hat-wardrobe/models/${MLM}/resolve/main/onnx/model_quantized.onnx`);

    // A checkpoint hat reads model.safetensors piece by piece: the static server's Range support is enough.
    await page.goto(new URL(hatUrl({ hat: 'multiple-choice', model: SWAG, context: 'The cat is hungry.', choice: ['It eats.', 'It sings.'] }), site.url).href);
    await waitForHatStatus(page, 'ready');
    await expect(page.getByTestId('best-choice')).not.toBeEmpty();
    expect(served.some((u) => u.startsWith(`/hat-wardrobe/models/${SWAG}/resolve/main/model.safetensors`))).toBe(true);
  } finally {
    await site?.close();
  }
});

test('after one visit the app opens with the network cut, says so, and a cached hat still runs', async ({ page, context }) => {
  await gotoHat(page, { hat: 'masked-lm', model: MLM, text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'ready');
  const status = page.getByTestId('connection-status');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect(status).toHaveAttribute('data-shell', 'ready');
  await expect(status).toContainText('works offline');
  await expect(status).toContainText('1 cached');
  // Of ONNX Runtime's two builds, only the CPU-only one this device runs is kept (no GPU adapter here).
  await expect.poll(() => keptRuntimeFiles(page)).toEqual([expect.stringMatching(/^ort-wasm-simd-threaded-[\w-]+\.mjs$/), expect.stringMatching(/^ort-wasm-simd-threaded-[\w-]+\.wasm$/)]);

  await context.setOffline(true);
  await expect(status).toContainText('Offline');
  await page.reload();
  await offlineAgain(page);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('meow');
  await expect(page.getByTestId('model-source')).toHaveText('loaded from the browser cache');
  await expect(status).toContainText('Offline');

  // A model that was never loaded cannot come from anywhere: the page says what is missing.
  await page.getByRole('combobox', { name: 'Model' }).selectOption({ label: 'Another model from the Hub…' });
  await page.getByRole('textbox', { name: /Hub model id/ }).fill('hw-test/tiny-bert-ner');
  await page.getByRole('button', { name: 'Use this model' }).click();
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId('offline-missing')).toContainText(
    `“hw-test/tiny-bert-ner” is not in this browser's cache, so it needs the connection (or a model pack on the school network) to load. Cached and ready offline: ${MLM}.`,
  );
});

/** Reloads `page` with the network cut (or not) and waits for the masked-LM hat's answer. */
async function reopen(page: Page, offline: boolean): Promise<void> {
  await page.context().setOffline(offline);
  await page.reload();
  if (offline) await offlineAgain(page);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('meow');
}

test("ONNX Runtime's WebAssembly comes from the browser's HTTP cache, where Chrome keeps its compiled code, and from the offline copy when that cache lost it", async ({ playwright, baseURL }, testInfo) => {
  // A browser profile on disk, as a student's browser has: the in-memory cache of a fresh context
  // does not keep a 14 MB file, and the loopback guard's route would turn the HTTP cache off
  // (Playwright does so in routed contexts). Its requests are checked for leaks here instead.
  const profile = mkdtempSync(path.join(tmpdir(), 'hw-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL, serviceWorkers: 'allow' });
  const leaks: string[] = [];
  context.on('request', (request) => {
    if (!isLoopbackUrl(request.url())) leaks.push(request.url());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const wasm: Response[] = [];
  page.on('response', (response) => {
    if (/\/ort-wasm-simd-threaded[^/]*\.wasm$/.test(response.url())) wasm.push(response);
  });
  try {
    await gotoHat(page, { hat: 'masked-lm', model: MLM, text: 'the cat says [MASK] .' });
    await waitForHatStatus(page, 'ready');
    await expect.poll(() => keptRuntimeFiles(page)).toHaveLength(2);

    // Without the offline copy of the WebAssembly and without the network, the HTTP cache alone has it.
    await page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) if (request.url.endsWith('.wasm')) await cache.delete(request);
      }
    });
    expect(await keptRuntimeFiles(page)).toEqual([expect.stringMatching(/\.mjs$/)]);
    wasm.length = 0;
    await reopen(page, true);
    expect(wasm.map((r) => r.fromServiceWorker())).toEqual([false]);

    // Online again, the page has the service worker keep the runtime again; then, with the HTTP
    // cache emptied and the network cut, the offline copy serves it.
    await reopen(page, false);
    await expect.poll(() => keptRuntimeFiles(page)).toHaveLength(2);
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
    wasm.length = 0;
    await reopen(page, true);
    expect(wasm.map((r) => r.fromServiceWorker())).toEqual([true]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  expect(leaks).toEqual([]);
});
