import type { Page } from '@playwright/test';
import { EMBED_ID as MINILM, similarityCases } from '../src/hats/base-model/cases.ts';
import { saveChart } from './support/chart-export.ts';
import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';

async function pairCosine(page: Page): Promise<number> {
  const text = await page.getByTestId('pair-cosine').innerText();
  const value = Number(text);
  expect(Number.isFinite(value), `pair cosine "${text}"`).toBe(true);
  return value;
}

test.use({ hasTouch: true });

test('a share link shows the hidden states: one heatmap row and one map point per token, read by tap and by keys', async ({ page }) => {
  await gotoHat(page, { hat: 'base-model', model: MINILM, text: 'the cat sleeps', text_pair: '' });
  await waitForHatStatus(page, 'ready');
  const output = page.getByTestId('hat-output');
  // [CLS] the cat sleeps [SEP]
  await expect(output.getByTestId('heatmap-row')).toHaveCount(5);
  await expect(output.getByTestId('heatmap-row').first()).toHaveText('[CLS]');
  await expect(output.getByTestId('hidden-shape')).toHaveText('last_hidden_state: [1, 5, 32]');
  await expect(output.getByTestId('pca-point')).toHaveCount(5);
  await expect(output.getByTestId('heat-legend').first()).toBeVisible();
  const heat = output.getByRole('img', { name: /Heatmap of 5 token vectors with 32 numbers each/ });
  await expect(heat).toBeVisible();
  // A cell is read by a tap (no hover on a phone) or by the arrow keys.
  const readout = output.getByTestId('heat-canvas').filter({ has: page.getByRole('img', { name: /Heatmap of 5 token vectors/ }) }).getByTestId('heat-readout');
  await expect(readout).toContainText('Tap a cell');
  await heat.tap({ position: { x: 1, y: 1 } });
  await expect(readout).toHaveText(/^\[CLS\] · dimension 0: -?\d/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(readout).toHaveText(/^the · dimension 1: -?\d/);
  await page.keyboard.press('End');
  await expect(readout).toHaveText(/^the · dimension 31: -?\d/);
  await expect(output.getByTestId('pair-cosine')).toHaveCount(0);

  // Take it with you: the map as a PNG, its numbers as a CSV.
  const saved = await saveChart(output.getByTestId('pca-plot'), 'tokens on a 2-D map (PCA)');
  expect(saved.png).toMatchObject({ width: saved.drawing.width * 2, height: saved.drawing.height * 2 });
  expect(saved.csv[0]!.join(',')).toMatch(/^label,axis 1 \(\d+%\),axis 2 \(\d+%\)$/);
  expect(saved.csv[1]!.join(',')).toMatch(/^\[CLS\],-?\d/);
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
