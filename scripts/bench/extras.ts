import type { Page } from '@playwright/test';

/**
 * Figures a hat can only give through its own UI, measured after its warm runs on the same page.
 * Each returns `name: value` pairs for the bench's output.
 */
export const EXTRAS: Record<string, (page: Page) => Promise<Record<string, number>>> = {
  /** Trains on the shipped mood sample set; the training summary says how long embedding and epochs took. */
  async 'custom-head'(page) {
    await page.getByRole('button', { name: "Load sample: Miya's diary: mood" }).click();
    const before = await page.getByTestId('training-summary').count();
    if (before > 0) throw new Error('bench: a training summary is already on the page');
    await page.getByRole('button', { name: 'Train the head' }).click({ timeout: 120_000 });
    const summary = page.getByTestId('training-summary');
    await summary.waitFor({ timeout: 120_000 });
    const read = async (name: string) => Number(await summary.getAttribute(name));
    return {
      'train_ms_per_epoch:custom-head': Math.round((await read('data-train-ms-per-epoch')) * 100) / 100,
      'embed_ms_per_example:custom-head': Math.round((await read('data-embed-ms-per-example')) * 100) / 100,
    };
  },
};
