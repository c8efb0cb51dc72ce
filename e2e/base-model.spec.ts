import type { Page } from '@playwright/test';
import { EMBED_ID as MINILM, similarityCases } from '../src/hats/base-model/cases.ts';
import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';

async function pairCosine(page: Page): Promise<number> {
  const text = await page.getByTestId('pair-cosine').innerText();
  const value = Number(text);
  expect(Number.isFinite(value), `pair cosine "${text}"`).toBe(true);
  return value;
}

test('a share link shows the hidden states: one heatmap row and one map point per token', async ({ page }) => {
  await gotoHat(page, { hat: 'base-model', model: MINILM, text: 'the cat sleeps', text_pair: '' });
  await waitForHatStatus(page, 'ready');
  const output = page.getByTestId('hat-output');
  // [CLS] the cat sleeps [SEP]
  await expect(output.getByTestId('heatmap-row')).toHaveCount(5);
  await expect(output.getByTestId('heatmap-row').first()).toHaveText('[CLS]');
  await expect(output.getByTestId('hidden-shape')).toHaveText('last_hidden_state: [1, 5, 32]');
  await expect(output.getByTestId('pca-point')).toHaveCount(5);
  await expect(output.getByTestId('heat-legend').first()).toBeVisible();
  await expect(output.getByRole('img', { name: /Heatmap of 5 token vectors with 32 numbers each/ })).toBeVisible();
  await expect(output.getByTestId('pair-cosine')).toHaveCount(0);
  await expect(page.getByTestId('explainer-shape')).toHaveText('[1, 5, 32]');
  await expect(page.getByTestId('run-badge')).toContainText(/WASM/);
});

for (const known of similarityCases) {
  test(`"${known.anchor}" is closer to "${known.closer}" than to "${known.further}", each encoded on its own`, async ({ page }) => {
    await gotoHat(page, { hat: 'base-model', model: MINILM, text: known.anchor, text_pair: known.closer });
    await waitForHatStatus(page, 'ready');
    const similar = await pairCosine(page);
    await expect(page.getByTestId('hidden-shape')).toHaveText(/^last_hidden_state: \[2, \d+, 32\]$/);

    await page.getByRole('textbox', { name: 'Second sentence (optional)' }).fill(known.further);
    await expect(page.getByTestId('pair-cosine')).not.toHaveText(similar.toFixed(3));
    await waitForHatStatus(page, 'ready');
    const dissimilar = await pairCosine(page);
    expect(similar - dissimilar).toBeGreaterThan(known.margin);
    await expect(page).toHaveURL(new RegExp(`text_pair=${encodeURIComponent(known.further).replaceAll('%20', '\\+')}`));

    // The token views follow the picked sentence: [CLS] + its words + [SEP].
    const rows = known.further.split(' ').length + 2;
    await page.getByRole('radio', { name: /Second sentence/ }).check();
    await expect(page.getByTestId('heatmap-row')).toHaveCount(rows);
    await expect(page.getByTestId('pca-point')).toHaveCount(rows);
  });
}

test('empty text gets a clear message instead of vectors', async ({ page }) => {
  await gotoHat(page, { hat: 'base-model', model: MINILM, text: 'the cat sleeps', text_pair: 'keep me' });
  await waitForHatStatus(page, 'ready');
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('  ');
  await expect(page.getByTestId('input-problem')).toContainText('The text is empty');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('heatmap-row')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Second sentence (optional)' })).toHaveValue('keep me');
});
