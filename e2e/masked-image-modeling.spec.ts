import { deflateSync } from 'node:zlib';
import { expect, gotoHat, sameElements, test, waitForHatStatus } from './support/test.ts';
import { seriousViolations } from './support/axe.ts';
import { expectRowsSumToOne, readAttentionTable } from './support/inside.ts';
import { drawSample, encodePng } from '../src/hats/masked-image-modeling/sample-art.ts';
import { MIM_ID } from '../src/hats/masked-image-modeling/cases.ts';

/*
 * The tiny ViT-MAE fixture (src/hats/masked-image-modeling/fixture.ts) paints every hidden patch
 * in the mean colour of the visible patches, so the page's table must say exactly that.
 * Its grid is 4 × 4; seed 1 at ratio 0.75 hides patches 0, 2–11 and 13 (masking.test.ts).
 */
const LINK = { hat: 'masked-image-modeling', model: MIM_ID, image: 'sunset', seed: '1' };
const SEED_1_MASK = '0,2-11,13';

const triple = (text: string) => text.trim().split(/\s+/).map(Number);

test('a share link runs the real decoder on WASM, and opens with the same mask again', async ({ page, context }) => {
  test.slow(); // two cold loads: each page has its own worker, so ONNX Runtime starts twice
  await gotoHat(page, LINK);
  await waitForHatStatus(page, 'ready');
  const out = page.getByTestId('mim-output');
  await expect(out).toHaveAttribute('data-mask', SEED_1_MASK);
  for (const name of ['mim-original', 'mim-masked', 'mim-reconstruction']) await expect(page.getByTestId(name)).toBeVisible();
  await expect(page.getByTestId('mim-original')).toHaveAccessibleName(/Sea and sun/);
  await expect(page.getByTestId('mim-hidden-count')).toHaveText('12');
  const mean = triple(await page.getByTestId('mim-visible-mean').innerText());
  const predicted = await page.getByTestId('mim-predicted').allTextContents();
  expect(predicted).toHaveLength(12);
  for (const p of predicted) triple(p).forEach((v, c) => expect(Math.abs(v - mean[c]!)).toBeLessThan(0.01));
  expect(Number(await page.getByTestId('mim-mse').innerText())).toBeGreaterThan(0);
  await expect(page.getByTestId('provenance')).toContainText('decoder.decoder_pred.weight');

  // The first patch picked by a click must not move the picture: the next click would land on another patch.
  const masked = page.getByTestId('mim-masked');
  // Where the picture sits in the page (the click may scroll the window, which is not a shift).
  const top = () => masked.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await page.getByRole('button', { name: 'Hide patch 1 (row 1, column 2)' }).click();
  await expect(out).toHaveAttribute('data-mask', '0-11,13');
  await waitForHatStatus(page, 'ready');
  await expect(page.getByRole('button', { name: 'Back to the random mask' })).toBeVisible();
  expect(await top()).toBe(before);

  const again = await context.newPage();
  await gotoHat(again, LINK);
  await waitForHatStatus(again, 'ready');
  await expect(again.getByTestId('mim-output')).toHaveAttribute('data-mask', SEED_1_MASK);
});

test('patches picked by keyboard go into the link; a broken file is refused and the picture stays; a wide one is cropped', async ({ page }) => {
  await gotoHat(page, LINK);
  await waitForHatStatus(page, 'ready');
  // Patch 1 is visible with seed 1: hide it from the keyboard (one tab stop, arrows move).
  const first = page.getByRole('button', { name: 'Hide patch 0 (row 1, column 1)' });
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const second = page.getByRole('button', { name: 'Hide patch 1 (row 1, column 2)' });
  await expect(second).toBeFocused();
  // The patch buttons live through the MAE's run: the focus stays where the key was pressed.
  const patches = await sameElements(first, second);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mim-output')).toHaveAttribute('data-mask', '0-11,13');
  await waitForHatStatus(page, 'ready');
  await patches.check();
  await expect(second).toBeFocused();
  await expect(page).toHaveURL(/patches=0-11%2C13/);

  const chooser = page.getByLabel('Your own picture');
  await chooser.setInputFiles({ name: 'holiday.png', mimeType: 'image/png', buffer: Buffer.from('this is not a PNG at all') });
  await expect(page.getByTestId('image-error')).toContainText('“holiday.png” could not be read as a picture');
  await expect(page.getByTestId('image-error')).toContainText('still there');
  await expect(page.getByTestId('mim-original')).toHaveAccessibleName(/Sea and sun/);
  await expect(page.getByTestId('mim-output')).toHaveAttribute('data-mask', '0-11,13');

  const wide = 64;
  const art = drawSample('rings', wide);
  // A 64 × 32 strip of the rings: the centred 32 × 32 square is kept, with a note.
  const strip = new Uint8ClampedArray(wide * 32 * 3);
  for (let y = 0; y < 32; y++) strip.set(art.subarray(y * wide * 3, (y + 1) * wide * 3), y * wide * 3);
  const png = encodePng(strip, wide, 32, (raw) => deflateSync(raw));
  await chooser.setInputFiles({ name: 'strip.png', mimeType: 'image/png', buffer: Buffer.from(png) });
  await expect(page.getByTestId('mim-original')).toHaveAccessibleName(/strip\.png/);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('image-error')).toHaveCount(0);
  await expect(page.getByTestId('mim-notes')).toContainText('centred 32 × 32 square');
  await expect(page).toHaveURL(/image=own/);
  expect(page.url()).not.toContain('strip');
});

test('Inside from a share link at 375 px: patch-to-patch attention drawn over the picture, a patch chosen by keyboard, the decoder beside it', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await gotoHat(page, { ...LINK, inside: 'attention', layer: '1', head: '1' });
  const encoder = page.locator('[data-testid="attention-map"][data-name="encoder self"]');
  const table = encoder.getByTestId('attention-table');
  await expect(table).toHaveAttribute('data-layer', '1');
  await expect(table).toHaveAttribute('data-head', '1');
  const data = await readAttentionTable(table);
  // Seed 1 hides every patch but 1, 12, 14 and 15 of the 4 × 4 grid: row and column, counted from 1.
  expect(data.queries).toEqual(['[CLS]', 'r1 c2', 'r4 c1', 'r4 c3', 'r4 c4']);
  expect(data.keys).toEqual(data.queries);
  expectRowsSumToOne(data);
  await expect(page.getByTestId('inside-panel')).toContainText('The hidden patches are not read at all');

  // The picture's grid: the twelve hidden patches are not read; the first visible one is the tab stop.
  const cells = encoder.getByTestId('patch-cell');
  await expect(cells).toHaveCount(16);
  await expect(encoder.locator('[data-testid="patch-cell"][data-seen="false"]')).toHaveCount(12);
  const picker = encoder.getByRole('radiogroup', { name: 'Pick a patch to see where it looks' });
  await picker.getByRole('radio', { name: /^Patch r1 c2/ }).focus();
  await page.keyboard.press('ArrowDown');
  const chosen = picker.getByRole('radio', { name: /^Patch r4 c1/ });
  await expect(chosen).toBeFocused();
  await expect(chosen).toHaveAttribute('aria-checked', 'true');
  // Its weights on the picture are its row of the table, [CLS] named beside the picture.
  const row = data.weights[2]!;
  const shown = await encoder.locator('[data-testid="patch-cell"][data-seen="true"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-token'), e.getAttribute('data-weight')]));
  expect(shown).toEqual(data.keys.slice(1).map((k, i) => [k, row[i + 1]!.toFixed(3)]));
  await expect(encoder.getByTestId('patch-cls')).toHaveAttribute('data-weight', row[0]!.toFixed(3));
  await expect(page.getByRole('status').filter({ hasText: 'looks most at' }).first()).toContainText('“r4 c1” looks most at');

  // The decoder reads every patch, the hidden ones as the mask token (starred).
  const decoder = page.locator('[data-testid="attention-map"][data-name="decoder self"]');
  await expect(decoder.locator('[data-testid="patch-cell"][data-seen="true"]')).toHaveCount(16);
  expect((await readAttentionTable(decoder.getByTestId('attention-table'))).queries.slice(0, 3)).toEqual(['[CLS]', 'r1 c1*', 'r1 c2']);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page, '[data-testid="inside-panel"]')).toEqual([]);
});
