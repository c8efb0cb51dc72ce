import type { Page } from '@playwright/test';
import { pct, r1 } from './app-page';

/**
 * Figures a hat can only give through its own UI, measured after its warm runs on the same page.
 * Each returns `name: value` pairs for the bench's output.
 */
export const EXTRAS: Record<string, (page: Page) => Promise<Record<string, number>>> = {
  /**
   * Opens the Inside panel, then switches heads back and forth: from the change of the picker to
   * the attention table showing the new head (the look itself is already in the page).
   */
  async 'sequence-classification'(page) {
    await page.getByTestId('open-inside').click();
    await page.getByTestId('attention-table').waitFor({ timeout: 120_000 });
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const head = i % 2 === 0 ? '2' : '1';
      // A string, not a function: tsx wraps functions in a naming helper the page does not have.
      // React sees a change only when the value is set past its own tracker (the prototype's setter).
      const ms = await page.evaluate(`(async () => {
        const label = [...document.querySelectorAll('[data-testid="inside-panel"] label')].find((l) => l.textContent === 'Head');
        const el = document.getElementById(label.htmlFor);
        const t0 = performance.now();
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(el, '${head}');
        el.dispatchEvent(new Event('change', { bubbles: true }));
        while (document.querySelector('[data-testid="attention-table"]')?.getAttribute('data-head') !== '${head}') {
          await new Promise((r) => requestAnimationFrame(r));
        }
        return performance.now() - t0;
      })()`);
      times.push(Number(ms));
    }
    return { inside_attention_ms_p50: r1(pct(times, 50)) };
  },
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
