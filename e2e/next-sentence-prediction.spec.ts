import { expect, gotoHat, hubLog, resetHubLog, test, waitForHatStatus } from './support/test.ts';
import { NO_NSP_HEAD_ID, NO_SAFETENSORS_ID, NSP_ID as PRE, OTHER_TOPIC, SAME_TOPIC } from '../src/hats/next-sentence-prediction/cases.ts';

// The fixture's known pairs (src/hats/pretraining/fixture.ts builds the model): same topic → IsNext, animals then money → NotNext.
const A = SAME_TOPIC.sentence_a;
const known = { isNext: SAME_TOPIC.sentence_b, notNext: OTHER_TOPIC.sentence_b };

async function probability(page: import('@playwright/test').Page, label: string): Promise<number> {
  const row = page.getByTestId('hat-output').getByTestId('bar-row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  return Number.parseFloat((await row.getByRole('cell').first().innerText()).replace('%', ''));
}

test('a following sentence is IsNext, an unrelated one NotNext, from the pretrained head read by Range', async ({ page, request }) => {
  await resetHubLog(request);
  await gotoHat(page, { hat: 'next-sentence-prediction', model: PRE, sentence_a: A, sentence_b: known.isNext });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('nsp-verdict')).toHaveText('IsNext');
  expect(await probability(page, 'IsNext')).toBeGreaterThan(SAME_TOPIC.expected.minProb * 100);
  await expect(page.getByTestId('provenance')).toContainText('cls.seq_relationship.weight [2, 32]');

  await page.getByRole('textbox', { name: 'Sentence B' }).fill(known.notNext);
  await expect(page.getByTestId('nsp-verdict')).toHaveText('NotNext');
  await waitForHatStatus(page, 'ready');
  expect(await probability(page, 'NotNext')).toBeGreaterThan(OTHER_TOPIC.expected.minProb * 100);

  const st = (await hubLog(request)).filter((e) => e.url.includes(`${PRE}/resolve/main/model.safetensors`) && e.method === 'GET');
  expect(st.length).toBeGreaterThan(0);
  expect(st.every((e) => e.status === 206 && e.range !== null)).toBe(true);
});

test('shuffle B swaps in a sentence from the built-in list and runs again', async ({ page }) => {
  await gotoHat(page, { hat: 'next-sentence-prediction', model: PRE, sentence_a: A, sentence_b: known.isNext });
  await waitForHatStatus(page, 'ready');
  const b = page.getByRole('textbox', { name: 'Sentence B' });
  await page.getByRole('button', { name: 'Shuffle B' }).click();
  await expect(b).not.toHaveValue(known.isNext);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('nsp-verdict')).toHaveText(/IsNext|NotNext/);
  await expect(page.getByTestId('tokens-view')).toBeVisible();
});

test('a missing sentence B gets a message and a fix, and sentence A stays', async ({ page }) => {
  await gotoHat(page, { hat: 'next-sentence-prediction', model: PRE, sentence_a: A, sentence_b: '' });
  await expect(page.getByTestId('input-problem')).toContainText('Sentence B is missing');
  await expect(page.getByRole('textbox', { name: 'Sentence A' })).toHaveValue(A);
  await page.getByRole('button', { name: 'Use a random sentence B' }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('nsp-verdict')).toBeVisible();
});

test('a checkpoint without the next-sentence head names the missing tensor', async ({ page }) => {
  await gotoHat(page, { hat: 'next-sentence-prediction', model: NO_NSP_HEAD_ID, sentence_a: A, sentence_b: known.isNext });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId('model-error')).toContainText('cls.seq_relationship.weight');
  await expect(page.getByRole('textbox', { name: 'Sentence B' })).toHaveValue(known.isNext);
});

test('a checkpoint without model.safetensors says so', async ({ page }) => {
  await gotoHat(page, { hat: 'next-sentence-prediction', model: NO_SAFETENSORS_ID, sentence_a: A, sentence_b: known.isNext });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId('model-error')).toContainText('model.safetensors');
});
