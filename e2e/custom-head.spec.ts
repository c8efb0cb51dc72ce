import LZString from 'lz-string';
import { ENCODER_HIDDEN_SIZE, ENCODER_ID, MOOD_PREDICTIONS } from '../src/hats/custom-head/cases.ts';
import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe.ts';
import { saveChart } from './support/chart-export.ts';
import { expect, gotoHat, sameElements, test, waitForHatStatus } from './support/test.ts';

const [sleepy, playful] = MOOD_PREDICTIONS;

/** With examples in place, the Train button is enabled once the encoder has loaded (slow when the machine is busy). */
async function encoderLoaded(page: Page) {
  await expect(page.getByRole('button', { name: 'Train the head' })).toBeEnabled({ timeout: 120_000 });
}

test('train on the sample set, predict, export, start afresh, import: the same prediction; the share link carries the head', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await gotoHat(page, { hat: 'custom-head', model: ENCODER_ID, text: sleepy.text });
  // First open: one message says what to do next, and nothing else warns.
  await expect(page.getByTestId('input-problem')).toContainText('Train or import a head first');
  await expect(page.getByTestId('dataset-problem').or(page.getByTestId('dataset-warning')).or(page.getByTestId('encoder-loading'))).toHaveCount(0);
  await page.getByRole('button', { name: "Load sample: Miya's diary: mood" }).click();
  await expect(page.getByTestId('label-count')).toHaveCount(3);

  await encoderLoaded(page);
  // Train and Stop are the same elements before, during and after training.
  const trainControls = await sameElements(page.getByRole('button', { name: 'Train the head' }), page.getByRole('button', { name: 'Stop training' }));
  await expect(page.getByRole('button', { name: 'Stop training' })).toBeDisabled();
  await page.getByRole('button', { name: 'Train the head' }).click();
  await expect(page.getByTestId('heldout-accuracy')).toHaveText(/^Held-out accuracy: \d+(\.\d)?% \(\d+ of 12\)$/);
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  // The table marks the epoch with the lowest held-out loss, and the sentence above the chart names it.
  await page.getByText('The loss curve as a table').click();
  const bestRow = page.getByTestId('loss-table').locator('tr[data-best]');
  await expect(bestRow).toHaveCount(1);
  const bestEpoch = (await bestRow.locator('td').first().textContent()) ?? '';
  expect(bestEpoch).toMatch(/^\d+$/);
  await expect(page.getByTestId('overfit-note')).toContainText(`epoch ${bestEpoch}`);
  // Take it with you: the curve as a PNG of the drawing's size (twice over), every epoch's losses as the table has them.
  const saved = await saveChart(page.getByTestId('loss-chart'), 'training loss per epoch');
  expect(saved.png).toMatchObject({ width: saved.drawing.width * 2, height: saved.drawing.height * 2 });
  expect(saved.png.colours).toBeGreaterThan(3);
  expect(saved.csv[0]).toEqual(['epoch', 'training', 'held-out']);
  const epochs = saved.csv.slice(1);
  expect(epochs.map(([epoch]) => Number(epoch))).toEqual(Array.from({ length: epochs.length }, (_, i) => i + 1));
  const shown = await page.getByTestId('loss-table').locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
  expect(shown.length).toBeGreaterThan(10);
  expect(shown.map(([epoch]) => epochs[Number(epoch) - 1]!.map((v, i) => (i === 0 ? v : Number(v).toPrecision(4))))).toEqual(shown);
  await expect(page.getByTestId('training-summary')).toHaveAttribute('data-train-ms-per-epoch', /^\d+\.\d+$/);
  await expect(page.getByTestId('training-summary')).toHaveAttribute('data-embed-ms-per-example', /^\d+\.\d+$/);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('prediction')).toHaveText(sleepy.label);
  // The trained workbench (curve, epoch scrubber, the output drawn in the form, results) is checked by axe too.
  expect(await seriousViolations(page)).toEqual([]);
  await expect(page.getByTestId('head-shape')).toHaveText(`W: [3, ${ENCODER_HIDDEN_SIZE}], b: [3]`);

  // The epoch scrubber starts on the best epoch; epoch 1's head has barely learnt (no label stands out), and the curve marks it.
  const scrubber = page.getByRole('slider', { name: 'Wear the head from epoch' });
  await expect(scrubber).toHaveAttribute('aria-valuetext', `epoch ${bestEpoch}`);
  const bestBars = await page.getByTestId('bar-row').allTextContents();
  await scrubber.focus();
  await page.keyboard.press('Home');
  await expect(scrubber).toHaveAttribute('aria-valuetext', 'epoch 1');
  await expect(page.getByTestId('loss-chart').locator('[data-mark="worn: epoch 1"]')).toHaveCount(1);
  await expect(page.getByTestId('bar-row')).not.toHaveText(bestBars);
  await waitForHatStatus(page, 'ready');
  const top = (bars: string[]) => Math.max(...bars.map((b) => Number(/([\d.]+)%/.exec(b)?.[1])));
  const firstBars = await page.getByTestId('bar-row').allTextContents();
  expect(top(firstBars)).toBeLessThan(60);
  expect(top(bestBars)).toBeGreaterThan(top(firstBars));
  await page.getByRole('button', { name: 'Back to the best epoch' }).click();
  await expect(scrubber).toHaveAttribute('aria-valuetext', `epoch ${bestEpoch}`);
  await expect(page.getByTestId('bar-row')).toHaveText(bestBars);
  await expect(page.getByTestId('prediction')).toHaveText(sleepy.label);
  await trainControls.check();

  // Examples, training and the live answer in one flow: with the curve at the top of the screen, the text and its prediction are on it too.
  await page.getByText('The loss curve as a table').click();
  const curve = page.getByTestId('loss-chart').locator('svg').first();
  await curve.evaluate((chart) => chart.scrollIntoView({ block: 'start' }));
  const text = page.getByRole('textbox', { name: 'Text for the head' });
  await text.fill(playful.text);
  await expect(page.getByTestId('prediction')).toHaveText(playful.label);
  await waitForHatStatus(page, 'ready');
  for (const seen of [curve, text, page.getByTestId('prediction'), page.getByTestId('bar-row').first()]) await expect(seen).toBeInViewport({ ratio: 1 });
  const bars = await page.getByTestId('bar-row').allTextContents();
  await expect(page).toHaveURL(/[?&]head=/);
  const shareLink = page.url();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export head (JSON)' }).click();
  const file = await (await download).path();

  // A fresh page without the head: the examples are still there, the head comes back from the file.
  await gotoHat(page, { hat: 'custom-head', model: ENCODER_ID, text: playful.text });
  await expect(page.getByTestId('input-problem')).toContainText('Train or import a head first');
  await expect(page.getByTestId('label-count')).toHaveCount(3);
  await page.getByLabel('Import a head file…').setInputFiles(file);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('prediction')).toHaveText(playful.label);
  await expect(page.getByTestId('bar-row')).toHaveText(bars);

  // A classmate opens the share link.
  await page.goto(shareLink);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('prediction')).toHaveText(playful.label);
  await expect(page.getByTestId('bar-row')).toHaveText(bars);
});

test('hostile links are refused with a reason and the page keeps working', async ({ page }) => {
  await gotoHat(page, { hat: 'custom-head', model: ENCODER_ID, head: 'definitely-not-a-head' });
  await expect(page.getByTestId('notice').filter({ hasText: "The link's head was refused" })).toBeVisible();
  await expect(page.getByTestId('input-problem')).toContainText('Train or import a head first');

  // Well-formed, but made for a 16-number encoder: it does not fit the 32-number fixture.
  const zeros = (n: number) => Buffer.alloc(2 * n).toString('base64');
  const misfit = LZString.compressToEncodedURIComponent(
    JSON.stringify({
      format: 'hat-wardrobe/custom-head',
      version: 1,
      task: 'classification',
      labels: ['a', 'b'],
      encoder: { model: 'someone/else', pooling: 'mean', normalize: true, hiddenSize: 16 },
      layers: [{ in: 16, out: 2, w: zeros(32), b: zeros(2) }],
    }),
  );
  await gotoHat(page, { hat: 'custom-head', model: ENCODER_ID, head: misfit });
  // The sizes are compared once the encoder has loaded (slow when the machine is busy).
  await expect(page.getByTestId('input-problem')).toContainText(`reads 16-number sentence vectors, but the loaded encoder makes ${ENCODER_HIDDEN_SIZE}-number ones`, {
    timeout: 120_000,
  });
});
