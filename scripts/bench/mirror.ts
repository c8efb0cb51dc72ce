import type { Browser } from '@playwright/test';
import { MIRROR_ID } from '../../src/lib/mirror/cases';
import { pct, r1 } from './app-page';

const LOADS = 5;

/**
 * mirror_ready_ms: from opening a mirror link to its first pass drawn (the page's `hw:mirror-ready`
 * mark), each time in a fresh browser context, so it includes reading the checkpoint by Range,
 * building the graph and the one pass: what a classmate waits for after clicking a link.
 */
export async function benchMirror(browser: Browser, app: string): Promise<string[]> {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${app}?view=mirror&model=${encodeURIComponent(MIRROR_ID)}`);
    await page.locator('[data-testid="mirror-view"][data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('hw:mirror-ready').length > 0);
    times.push(await page.evaluate(() => performance.getEntriesByName('hw:mirror-ready')[0]!.startTime));
    await context.close();
  }
  console.error('bench: mirror done');
  return [`mirror_ready_ms: ${r1(pct(times, 50))}`];
}
