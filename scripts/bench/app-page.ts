// Timing runs through the app's own UI: the marks it sets (hw:run-sent, hw:result-rendered) and its stable hooks.
import type { Page } from '@playwright/test';

/** Median and other percentiles of a sample (nearest rank). */
export function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
export const median = (xs: readonly number[]) => pct(xs, 50);
export const r1 = (x: number) => Math.round(x * 10) / 10;

/** A share link's query: `v=1`, the hat, then every param (an array repeats its key). */
export function shareQuery(hat: string, params: Record<string, string | readonly string[]>): string {
  const query = new URLSearchParams({ v: '1', hat });
  for (const [key, value] of Object.entries(params)) for (const v of typeof value === 'string' ? [value] : value) query.append(key, v);
  return query.toString();
}

/**
 * Waits until the hat view says `ready` (the model is loaded and any first run has answered). A model
 * above the page's auto-download size waits for its "Download …" button: pressed, as a person would.
 */
export async function waitReady(page: Page, timeout = 600_000): Promise<void> {
  const ready = page.locator('[data-testid="hat-view"][data-status="ready"]');
  const ask = page.getByTestId('model-status').getByRole('button', { name: /^Download / });
  await ready.or(ask).first().waitFor({ timeout });
  if (await ask.isVisible()) await ask.click();
  await ready.waitFor({ timeout });
}

export interface AppRun {
  /** From the run being sent to the worker to its result on screen. */
  ms: number;
  /** Generation hats: tokens written and the worker's milliseconds for them. */
  generation?: { tokens: number; ms: number };
}

/**
 * Types `text` into the field labelled `field` (pressing `runButton` on on-demand hats) and times the run it causes.
 * The times come from the page's own marks. The page is not polled: one call waits inside it for the
 * answer's mark and the ready status, woken by the page's own events, so the bench adds no work to the
 * page while a run lasts (the bare baseline is never asked either; polling a generation twice a second
 * cost the app's page about a tenth of a millisecond a token).
 */
export async function appRun(page: Page, field: string, text: string, runButton?: string, timeout = 600_000): Promise<AppRun> {
  const before = await page.evaluate(() => performance.getEntriesByName('hw:result-rendered').length);
  await page.getByLabel(field, { exact: true }).fill(text);
  if (runButton) await page.getByRole('button', { name: runButton, exact: true }).click();
  await page.evaluate(
    ([n, ms]) =>
      new Promise<void>((resolve, reject) => {
        // Methods, not named functions: tsx would wrap those in a helper the page does not have.
        const wait = {
          view: document.querySelector('[data-testid=hat-view]'),
          marks: new PerformanceObserver(() => wait.check()),
          status: new MutationObserver(() => wait.check()),
          timer: setTimeout(() => wait.finish(new Error(`bench: no answer within ${ms} ms`)), ms),
          check() {
            const answered = performance.getEntriesByName('hw:result-rendered').length > n;
            if (answered && this.view?.getAttribute('data-status') === 'ready') this.finish();
          },
          finish(error?: Error) {
            this.marks.disconnect();
            this.status.disconnect();
            clearTimeout(this.timer);
            if (error) reject(error);
            else resolve();
          },
        };
        wait.marks.observe({ type: 'mark' });
        if (wait.view) wait.status.observe(wait.view, { attributes: true, attributeFilter: ['data-status'] });
        wait.check();
      }),
    [before, timeout] as const,
  );
  return page.evaluate(() => {
    const sent = performance.getEntriesByName('hw:run-sent').map((e) => e.startTime);
    const done = performance.getEntriesByName('hw:result-rendered').at(-1)!.startTime;
    const ms = done - Math.max(...sent.filter((s) => s <= done));
    // Generation hats say how many tokens they wrote and how long the worker spent writing them.
    const el = document.querySelector('[data-testid=generation]');
    const generation = el ? { tokens: Number(el.getAttribute('data-new-tokens')), ms: Number(el.getAttribute('data-generate-ms')) } : undefined;
    return { ms, generation };
  });
}

/** ONNX Runtime's thread count as the model status line shows it ("(q8, 2 threads)"). */
export async function shownThreads(page: Page): Promise<number> {
  const text = (await page.getByTestId('model-status').textContent()) ?? '';
  const m = /(\d+) threads?\b/.exec(text);
  if (!m) throw new Error(`bench: the model status does not say how many threads ran: “${text}”`);
  return Number(m[1]);
}
