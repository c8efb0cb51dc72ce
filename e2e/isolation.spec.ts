import { siteHeaderRecord } from '../src/lib/site-headers.ts';
import { serveBuild, type StaticSite } from './support/static-site.ts';
import { expect, hatUrl, HUB_URL, test, waitForHatStatus } from './support/test.ts';
import type { Page } from '@playwright/test';

const MLM = 'hw-test/tiny-bert-mlm';
const LINK = hatUrl({ hat: 'masked-lm', model: MLM, text: 'the cat says [MASK] .' });

// The service worker is what is under test.
test.use({ serviceWorkers: 'allow' });

let site: StaticSite | undefined;

test.afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** Counts the documents the page loads (the first one, and every reload). */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('load', () => loads++);
  return () => loads;
}

async function isolationMode(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByTestId('isolation-mode');
}

test('on a host that sends no COOP/COEP the service worker isolates the page after one reload, and ONNX Runtime gets threads', async ({ page, context }) => {
  test.slow(); // the model loads twice: once on one thread before the reload, once after
  site = await serveBuild();
  // [1] A mirror that sends CORS but no Cross-Origin-Resource-Policy: under COEP require-corp the
  //     model download must still work, because it is a CORS fetch.
  let strippedCorp = 0;
  await context.route(`${HUB_URL}/**`, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    if (headers['cross-origin-resource-policy']) strippedCorp++;
    delete headers['cross-origin-resource-policy'];
    await route.fulfill({ response, headers });
  });
  const loads = countLoads(page);

  const first = await page.goto(new URL(LINK, site.url).href);
  expect(first?.headers()['cross-origin-embedder-policy']).toBeUndefined();
  await page.waitForFunction(() => self.crossOriginIsolated);
  // The isolated document is the second one; its load event can come a moment after it is isolated.
  await expect.poll(loads).toBe(2);
  await waitForHatStatus(page, 'ready');
  expect(loads()).toBe(2);
  await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('meow');
  // This machine has two cores: ONNX Runtime must run with more than one thread (its own count, read back).
  expect(await page.evaluate(() => navigator.hardwareConcurrency)).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('model-status')).toContainText(/, [2-9] threads\)/);
  expect(strippedCorp).toBeGreaterThan(0);

  // A reload stays isolated and does not reload again: the decision is made, and it is not a reload.
  await page.reload();
  await expect(await isolationMode(page)).toHaveAttribute('data-isolation', 'service-worker');
  await expect(page.getByTestId('isolation-mode')).toContainText('isolated by this site\'s service worker');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  expect(loads()).toBe(3);

  // Another page of the same browser is isolated from its first load.
  const second = await context.newPage();
  const secondLoads = countLoads(second);
  await second.goto(new URL(LINK, site.url).href);
  expect(await second.evaluate(() => self.crossOriginIsolated)).toBe(true);
  await waitForHatStatus(second, 'ready');
  await expect(second.getByTestId('model-status')).toContainText(/, [2-9] threads\)/);
  expect(secondLoads()).toBe(1);
});

test('on a host that sends the headers the page is isolated on its first load and never reloads', async ({ page }) => {
  site = await serveBuild({ headers: siteHeaderRecord() });
  const loads = countLoads(page);
  await page.goto(new URL(LINK, site.url).href);
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  await expect(await isolationMode(page)).toHaveAttribute('data-isolation', 'host');
  await expect(page.getByTestId('isolation-mode')).toContainText('isolated by the host');
  // The moment a reload would come: the service worker has taken the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitForHatStatus(page, 'ready');
  expect(loads()).toBe(1);
});
