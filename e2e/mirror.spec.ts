import { MIRROR_DRIFT, MIRROR_ID, MIRROR_TUNED_ID } from '../src/lib/mirror/cases.ts';
import type { Page } from '@playwright/test';
import { expect, gotoHat, HUB_URL, test, waitForHatStatus } from './support/test.ts';

/** The mirror view's own status (it is not a hat view). */
async function mirrorReady(page: Page) {
  const view = page.getByTestId('mirror-view');
  await expect(view).toHaveAttribute('data-status', /^(ready|error)$/, { timeout: 120_000 });
  await expect(view, (await view.textContent()) ?? '').toHaveAttribute('data-status', 'ready');
}

/** The counts the mirror must show, from the fixture's config.json as the hub serves it. */
async function expectedCounts(page: Page) {
  const c = (await (await page.request.get(`${HUB_URL}/${MIRROR_ID}/resolve/main/config.json`)).json()) as Record<string, number>;
  const [h, m, V, P, T, L] = [c.hidden_size!, c.intermediate_size!, c.vocab_size!, c.max_position_embeddings!, c.type_vocab_size!, c.num_hidden_layers!];
  const linear = (i: number, o: number) => i * o + o;
  return {
    hidden: h,
    body: V * h + P * h + T * h + 2 * h + L * (4 * linear(h, h) + 2 * h + linear(h, m) + linear(m, h) + 2 * h) + linear(h, h),
    'masked word': linear(h, h) + 2 * h + V,
    'next sentence': linear(h, 2),
  };
}

test('from a share link: the body and its heads with their counts, what each reads, and the drift of a fine-tuned twin', async ({ page }) => {
  await gotoHat(page, { view: 'mirror', model: MIRROR_ID, text: 'the cat sat on the [MASK] .', pair: 'it was hungry .', tuned: MIRROR_TUNED_ID });
  await mirrorReady(page);
  const want = await expectedCounts(page);
  await expect(page.getByTestId('mirror-body')).toHaveAttribute('data-params', String(want.body));
  const heads = page.getByTestId('mirror-head');
  await expect(heads).toHaveCount(3);
  await expect(heads.evaluateAll((els) => els.map((e) => [e.getAttribute('data-head'), Number(e.getAttribute('data-params'))]))).resolves.toEqual([
    ['hidden states', 0],
    ['masked word', want['masked word']],
    ['next sentence', want['next sentence']],
  ]);
  // Every position gets its guesses: [CLS] the cat sat on the [MASK] . [SEP] it was hungry . [SEP]
  await expect(page.getByTestId('mirror-mlm-table').locator('tbody tr')).toHaveCount(14);
  await expect(page.getByTestId('mirror-hidden-table').locator('tbody tr')).toHaveCount(14);

  // Which rows the next-sentence head reads: [CLS] only.
  await page.getByTestId('mirror-head').filter({ hasText: 'next sentence' }).getByRole('button', { name: 'Reads [CLS] only' }).click();
  const rows = page.getByTestId('mirror-hidden-table').locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('data-read', 'true');
  await expect(rows.nth(1)).toHaveAttribute('data-read', 'false');

  // The drift is where the fixture put it, and nowhere else.
  await expect(page.getByTestId('mirror-drift')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  const drift = await page.getByTestId('mirror-drift-table').locator('tbody tr').evaluateAll((els) =>
    els.map((e) => ({ layer: e.getAttribute('data-layer'), kind: e.getAttribute('data-kind'), relative: Number(e.getAttribute('data-relative')) })),
  );
  expect(drift).toHaveLength(4 + 8 * 2);
  for (const row of drift) {
    const put = MIRROR_DRIFT.find((d) => String(d.layer + 1) === row.layer && d.kind === row.kind);
    expect(Math.abs(row.relative - (put?.relative ?? 0)), `${row.kind} of ${row.layer}`).toBeLessThan(1e-6);
  }
  await expect(page.getByTestId('mirror-drift-sentence')).toContainText('the query of layer 2, by 25.0%');
  await expect(page).toHaveURL(/[?&]view=mirror&.*tuned=/);
});

test('a head trained in the page on the fixture body appears in the mirror, also in presenter mode, by keyboard, at 375 px', async ({ page }) => {
  await gotoHat(page, { hat: 'custom-head', model: MIRROR_ID, text: 'the cat sleeps on the mat' });
  await page.getByRole('button', { name: "Load sample: Miya's diary: mood" }).click();
  await expect(page.getByRole('button', { name: 'Train the head' })).toBeEnabled({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Train the head' }).click();
  await waitForHatStatus(page, 'ready');
  const labels = await page.getByTestId('label-count').count();

  await page.getByTestId('hat-mirror-link').click();
  await mirrorReady(page);
  const want = await expectedCounts(page);
  const trained = page.getByTestId('mirror-head').nth(3);
  await expect(trained).toHaveAttribute('data-params', String(labels * want.hidden + labels));
  await expect(trained.getByRole('table')).toBeVisible();
  const link = page.url();
  expect(link).toContain(`model=${encodeURIComponent(MIRROR_ID)}`);

  // The same link, projected on a phone-sized screen and worked with the keyboard.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${link}&present=1`);
  await mirrorReady(page);
  await expect(page.getByTestId('mirror-head')).toHaveCount(4);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const reads = page.getByTestId('mirror-head').nth(3).getByRole('button', { name: /^Reads/ });
  await reads.focus();
  await page.keyboard.press('Enter');
  await expect(reads).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('mirror-hidden-table').locator('tbody tr[data-read="true"]')).toHaveCount(await page.getByTestId('mirror-hidden-table').locator('tbody tr').count());
  await page.getByRole('button', { name: 'Back to the hats' }).click();
  await waitForHatStatus(page, 'ready');
});
