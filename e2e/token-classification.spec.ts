import type { Page } from '@playwright/test';
import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';
import { ANNABEL as annabel, FACE as face, HUGGING_FACE as huggingFace, MIYA as miya, NER_ID as NER, NER_LABELS, type NerCase } from '../src/hats/token-classification/cases.ts';

/** "word:GROUP" as the highlight shows it under simple (lower-cased: the page keeps the text's own capitals). */
const grouped = (c: NerCase) => c.entities.map((e) => `${e.word}:${e.group}`);

/** The highlighted entities as "text:label", in text order. */
async function entities(page: Page): Promise<string[]> {
  const marks = page.getByTestId('hat-output').getByTestId('entity');
  return marks.evaluateAll((els: Element[]) =>
    els.map((el) => `${el.querySelector('[data-testid="entity-text"]')?.textContent?.toLowerCase()}:${el.querySelector('[data-testid="entity-label"]')?.textContent}`),
  );
}

const expectEntities = (page: Page, want: string[]) => expect.poll(() => entities(page)).toEqual(want);

test('a share link tags the known entities on WASM, with a legend from the model’s config', async ({ page }) => {
  await gotoHat(page, { hat: 'token-classification', model: NER, text: miya.text, aggregation: 'simple' });
  await waitForHatStatus(page, 'ready');
  await expectEntities(page, grouped(miya));
  await expect(page.getByTestId('entity-text').first()).toHaveText('Miya');
  await expect(page.getByTestId('run-badge')).toContainText(/WASM \([1-9]\d* threads?\) · q8 · \d/);

  const legend = page.getByTestId('legend');
  for (const label of NER_LABELS) await expect(legend).toContainText(label);
  await expect(page.getByTestId('explainer-labels')).toHaveText(NER_LABELS.join(', '));

  const rows = page.getByTestId('tag-row');
  await expect(rows).toHaveCount(miya.tokens.length);
  for (const [i, t] of miya.tokens.entries()) {
    await expect(rows.nth(i).getByRole('rowheader')).toHaveText(t.token);
    await expect(rows.nth(i).getByTestId('tag')).toHaveText(t.label);
  }
  await expect(page.getByTestId('miya-tip')).toBeVisible();
});

test('a name in word pieces is split under none and merged under simple', async ({ page }) => {
  await gotoHat(page, { hat: 'token-classification', model: NER, text: annabel.text, aggregation: 'none' });
  await waitForHatStatus(page, 'ready');
  // Every token that is not O, with its own tag: the name is two pieces.
  const pieces = annabel.tokens.filter((t) => t.label !== 'O').map((t) => `${t.token.replace(/^##/, '')}:${t.label}`);
  expect(pieces).toEqual(['ann:B-PER', 'abel:I-PER', 'london:B-LOC']);
  await expectEntities(page, pieces);
  await expect(page.getByTestId('tag-row').filter({ hasText: '##abel' }).getByTestId('tag')).toHaveText('I-PER');

  await page.getByRole('radio', { name: 'simple' }).check();
  await expectEntities(page, grouped(annabel));
  await expect(page.getByTestId('entity-row')).toHaveCount(annabel.entities.length);
  await page.getByRole('radio', { name: 'first' }).check();
  await expectEntities(page, grouped(annabel));
  await expect(page).toHaveURL(/aggregation=first/);
});

test('typing re-runs the tagger and the highlights follow the words', async ({ page }) => {
  await gotoHat(page, { hat: 'token-classification', model: NER, text: miya.text });
  await waitForHatStatus(page, 'ready');
  await expectEntities(page, grouped(miya));
  const box = page.getByRole('textbox', { name: 'Text', exact: true });
  await box.fill(huggingFace.text);
  await expectEntities(page, grouped(huggingFace));
  await waitForHatStatus(page, 'ready');
  await expect(page).toHaveURL(/text=miya\+works\+at\+hugging\+face/);
  // "face" without a name before it is no organisation.
  await box.fill(face.text);
  await expect(page.getByTestId('no-entities')).toBeVisible();
  await expectEntities(page, grouped(face));
});

test('capitals, accents and emoji keep their place in the text; a long text is cut and says so', async ({ page }) => {
  await gotoHat(page, { hat: 'token-classification', model: NER, text: 'Miya 🐈‍⬛ lives in PÁRIS' });
  await waitForHatStatus(page, 'ready');
  await expectEntities(page, ['miya:PER', 'páris:LOC']);
  await expect(page.getByTestId('tag-row').filter({ hasText: '[UNK]' })).toContainText('🐈‍⬛');

  const long = `${miya.text} ${'and the cat sleeps on the mat '.repeat(12)}`;
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill(long);
  await expect(page.getByTestId('output-truncated')).toBeVisible();
  await waitForHatStatus(page, 'ready');
  await expectEntities(page, grouped(miya));
});

test('empty text gets a clear message instead of a run', async ({ page }) => {
  await gotoHat(page, { hat: 'token-classification', model: NER, text: miya.text });
  await waitForHatStatus(page, 'ready');
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('  ');
  await expect(page.getByTestId('input-problem')).toContainText('The text is empty');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('entity')).toHaveCount(0);
});
