import type { Locator } from '@playwright/test';
import { seriousViolations } from './support/axe.ts';
import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';
import { SST2_ID } from '../src/hats/sequence-classification/cases.ts';
import { MLM_ID } from '../src/hats/masked-lm/cases.ts';
import { EMBED_ID } from '../src/hats/base-model/cases.ts';

/*
 * The Inside panel from share links, on fixture checkpoints rebuilt in the page from their
 * model.safetensors: attention with its table, the logit lens, hidden states per layer.
 */

async function tableCells(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim())));
}

test('a share link opens attention for a DistilBERT hat: the table, head switching by keyboard, all heads, and the link follows', async ({ page }) => {
  await gotoHat(page, { hat: 'sequence-classification', model: SST2_ID, text: 'i love this great film', inside: 'attention', layer: '1', head: '1' });
  await waitForHatStatus(page, 'ready');
  const table = page.getByTestId('attention-table');
  await expect(table).toHaveAttribute('data-layer', '1');
  await expect(table).toHaveAttribute('data-head', '1');
  const rows = await tableCells(table);
  expect(rows.map((r) => r[0])).toEqual(['[CLS]', 'i', 'love', 'this', 'great', 'film', '[SEP]']);
  for (const row of rows) {
    expect(row).toHaveLength(8);
    for (const cell of row.slice(1)) expect(cell).toMatch(/^\d\.\d{3}$/);
    const total = row.slice(1).reduce((a, c) => a + Number(c), 0);
    expect(Math.abs(total - 1)).toBeLessThan(0.004);
  }
  // The fixture's head 1 asks every token “where is the sentiment word?”: [CLS] looks at “great” or “love”.
  await page.getByRole('radiogroup', { name: 'Pick a token to see where it looks' }).getByRole('radio', { name: '[CLS]' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'looks most at' })).toHaveText(/“\[CLS\]” looks most at “(great|love)”/);

  await page.getByRole('combobox', { name: 'Head', exact: true }).selectOption('2');
  await expect(table).toHaveAttribute('data-head', '2');
  await expect(page).toHaveURL(/inside=attention&layer=1&head=2/);
  await page.getByRole('combobox', { name: 'Head', exact: true }).selectOption('all');
  const heads = page.getByTestId('attention-heads').getByRole('button');
  await expect(heads).toHaveCount(2);
  await heads.nth(1).click();
  await expect(table).toHaveAttribute('data-head', '2');
  expect(await seriousViolations(page, '[data-testid="inside-panel"]')).toEqual([]);
});

test('bad inside values fall back with notices; at 375 px the panel fits and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await gotoHat(page, { hat: 'sequence-classification', model: SST2_ID, text: 'a bad film', inside: 'attention', layer: '7', head: 'x' });
  await waitForHatStatus(page, 'ready');
  const table = page.getByTestId('attention-table');
  await expect(table).toHaveAttribute('data-layer', '1');
  await expect(table).toHaveAttribute('data-head', '1');
  await expect(page.getByText('“x” is not a head number')).toBeVisible();
  await expect(page.getByText(/layers, so layer 7 does not exist; showing layer 1/)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('inside-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/inside=/);
  await page.getByTestId('open-inside').click();
  await expect(table).toBeVisible();
});

test('presenter mode: a share link opens Inside on the projector, worked by keyboard; the arrows move the picked token, not the hat', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await gotoHat(page, { hat: 'sequence-classification', model: SST2_ID, text: 'i love this great film', inside: 'attention', present: '1' });
  await waitForHatStatus(page, 'ready');
  const panel = page.getByTestId('inside-panel');
  const table = panel.getByTestId('attention-table');
  await expect(table).toHaveAttribute('data-head', '1');
  const head = panel.getByRole('combobox', { name: 'Head', exact: true });
  await head.focus();
  await expect(panel).toBeInViewport({ ratio: 0.2 });
  await page.keyboard.press('ArrowDown');
  await expect(table).toHaveAttribute('data-head', '2');
  await expect(page).toHaveURL(/present=1.*head=2|head=2.*present=1/);
  await expect(panel.getByRole('combobox', { name: 'Layer' })).toBeEnabled();

  const tokens = panel.getByRole('radiogroup', { name: 'Pick a token to see where it looks' });
  await tokens.getByRole('radio', { name: '[CLS]' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tokens.getByRole('radio', { name: 'love' })).toBeFocused();
  await expect(tokens.getByRole('radio', { name: 'love' })).toHaveAttribute('aria-checked', 'true');
  await expect(table.locator('tbody tr').nth(2)).toHaveClass(/outline/);
  await expect(panel.getByRole('status').filter({ hasText: 'looks most at' })).toHaveText(/^“love” looks most at/);
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', 'sequence-classification');
});

test('the logit lens of a masked-LM hat from a link at 375 px: one row per hidden state, the last layer guesses the sound', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await gotoHat(page, { hat: 'masked-lm', model: MLM_ID, text: 'the cat says [MASK] .', inside: 'lens' });
  await waitForHatStatus(page, 'ready');
  const lens = page.getByTestId('lens-table');
  await expect(lens).toHaveAttribute('data-position', '4');
  const rows = lens.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-layer', '0');
  await expect(rows.nth(1)).toHaveAttribute('data-layer', '1');
  await expect(rows.nth(1).locator('td').first()).toHaveText('meow');
  // The table's box keeps within the phone's width (a wider table would scroll inside it, not the page).
  await lens.scrollIntoViewIfNeeded();
  await expect(rows.nth(1).locator('td').first()).toBeInViewport();
  const box = (await lens.locator('..').boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page, '[data-testid="inside-panel"]')).toEqual([]);
});

test('base-model hidden states: the embeddings and layer 1 are different pictures', async ({ page }) => {
  await gotoHat(page, { hat: 'base-model', model: EMBED_ID, text: 'the cat sleeps', inside: 'hidden', layer: '1' });
  await waitForHatStatus(page, 'ready');
  const hidden = page.getByTestId('hidden-table');
  await expect(hidden).toHaveAttribute('data-layer', '1');
  const last = await tableCells(hidden);
  await page.getByRole('combobox', { name: 'Hidden state after layer' }).selectOption('0');
  await expect(hidden).toHaveAttribute('data-layer', '0');
  const first = await tableCells(hidden);
  expect(first.map((r) => r[0])).toEqual(last.map((r) => r[0]));
  expect(first).not.toEqual(last);
});

/*
 * Each Inside hat's default model, as the page opens it with no model in the link: the replica
 * of the listed repo and, where that is an ONNX export, the replica of its verified PyTorch parent
 * (distilbert/distilgpt2 for Xenova/distilgpt2, google/flan-t5-small for Xenova/flan-t5-small).
 */
const DEFAULTS: { hat: string; view: string; table: string; params?: Record<string, string> }[] = [
  { hat: 'sequence-classification', view: 'attention', table: 'attention-table' },
  { hat: 'token-classification', view: 'attention', table: 'attention-table' },
  { hat: 'question-answering', view: 'attention', table: 'attention-table' },
  { hat: 'masked-lm', view: 'lens', table: 'lens-table' },
  { hat: 'base-model', view: 'hidden', table: 'hidden-table' },
  { hat: 'pretraining', view: 'lens', table: 'lens-table' },
  { hat: 'next-sentence-prediction', view: 'attention', table: 'attention-table' },
  { hat: 'multiple-choice', view: 'attention', table: 'attention-table' },
  { hat: 'causal-lm', view: 'lens', table: 'lens-table' },
  { hat: 'seq2seq-lm', view: 'attention', table: 'attention-table' },
  { hat: 'masked-image-modeling', view: 'attention', table: 'attention-table' },
];

test('every hat with an Inside panel looks inside its default model from a link', async ({ page }) => {
  test.setTimeout(30_000 * DEFAULTS.length);
  for (const { hat, view, table } of DEFAULTS) {
    await gotoHat(page, { hat, inside: view, layer: '1', head: '1' });
    await waitForHatStatus(page, 'ready');
    // An encoder-decoder shows several attentions, each with its table: the first is enough here.
    await expect(page.getByTestId(table).first(), hat).toBeVisible();
    await expect(page.getByTestId('inside-gap'), hat).toHaveCount(0);
  }
});

test('a listed export without a verified PyTorch parent says why in one sentence', async ({ page }) => {
  await gotoHat(page, { hat: 'base-model', model: 'Xenova/bge-small-en-v1.5', inside: 'attention' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('inside-gap')).toHaveText(/^Xenova\/bge-small-en-v1\.5 holds ONNX weights only, .*cannot be rebuilt here\.$/);
  await expect(page.getByTestId('attention-table')).toHaveCount(0);
});

test('the custom head looks inside its frozen encoder before any head is trained: attention from a link, and the default encoder too', async ({ page }) => {
  await gotoHat(page, { hat: 'custom-head', model: EMBED_ID, text: 'the cat sleeps', inside: 'attention', layer: '1', head: '1' });
  await expect(page.getByTestId('input-problem')).toContainText('Train or import a head first');
  const table = page.getByTestId('attention-table');
  await expect(table).toHaveAttribute('data-layer', '1');
  const rows = await tableCells(table);
  expect(rows.map((r) => r[0])).toEqual(['[CLS]', 'the', 'cat', 'sleeps', '[SEP]']);
  for (const row of rows) expect(row.slice(1).reduce((sum, w) => sum + Number(w), 0)).toBeCloseTo(1, 2);
  await page.getByRole('tab', { name: 'Hidden states' }).click();
  await expect(page.getByTestId('hidden-table')).toBeVisible();
  // The listed default encoder (all-MiniLM-L6-v2) is rebuilt from its verified PyTorch parent.
  await gotoHat(page, { hat: 'custom-head', inside: 'hidden', layer: '1' });
  await expect(page.getByTestId('hidden-table')).toBeVisible();
  await expect(page.getByTestId('inside-gap')).toHaveCount(0);
});
