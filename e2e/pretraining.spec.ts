import { expect, gotoHat, hubLog, resetHubLog, test, waitForHatStatus } from './support/test.ts';
import { CAT_SAYS as known, PRETRAINING_ID as PRE } from '../src/hats/pretraining/cases.ts';

// The fixture's known pair (src/hats/pretraining/fixture.ts builds the model): "the cat says [MASK] ." → meow; both about animals → IsNext.
const [A, B, WORD] = [known.sentence_a, known.sentence_b, known.expected.tokens[0]!];

const num = async (page: import('@playwright/test').Page, id: string) => Number.parseFloat(await page.getByTestId(id).innerText());

test('one pass shows the masked word and the NSP verdict, and the losses once the answers are given', async ({ page, request }) => {
  await resetHubLog(request);
  await gotoHat(page, { hat: 'pretraining', model: PRE, sentence_a: A, sentence_b: B, labels: WORD, is_next: 'true' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mlm-top')).toHaveText(WORD);
  await expect(page.getByTestId('nsp-verdict')).toHaveText(known.relation);
  await expect(page.getByTestId('mlm-truth')).toContainText('rank 1');
  const [mlm, nsp, total] = [await num(page, 'loss-mlm'), await num(page, 'loss-nsp'), await num(page, 'loss-total')];
  expect(mlm).toBeGreaterThan(0);
  expect(total).toBeCloseTo(mlm + nsp, 2);
  await expect(page.getByTestId('loss-formula')).toContainText(`−log p(${WORD})`);

  // A wrong answer costs more: the loss is the model's surprise at the true token.
  await page.getByRole('textbox', { name: 'True token for mask 1' }).fill('woof');
  await expect.poll(() => num(page, 'loss-mlm')).toBeGreaterThan(mlm + 1);
  await page.getByRole('combobox', { name: 'Does B really follow A?' }).selectOption({ label: 'not given' });
  await expect(page.getByTestId('loss-total')).toHaveCount(0);
  await expect(page.getByTestId('loss-nsp')).toHaveCount(0);
  await expect(page.getByTestId('provenance')).toContainText('cls.predictions');

  const st = (await hubLog(request)).filter((e) => e.url.includes(`${PRE}/resolve/main/model.safetensors`) && e.method === 'GET');
  expect(st.length).toBeGreaterThan(0);
  expect(st.every((e) => e.status === 206 && e.range !== null)).toBe(true);
});

test('no mask: a clear message and one click hides a word, with it as the true token', async ({ page }) => {
  await gotoHat(page, { hat: 'pretraining', model: PRE, sentence_a: A.replace('[MASK]', WORD), sentence_b: B, labels: '', is_next: 'true' });
  await expect(page.getByTestId('input-problem')).toContainText('There is no [MASK]');
  await page.getByRole('button', { name: `Hide “${WORD}” behind [MASK]` }).click();
  await expect(page.getByRole('textbox', { name: 'Sentence A' })).toHaveValue(A);
  await expect(page.getByRole('textbox', { name: 'True token for mask 1' })).toHaveValue(WORD);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mlm-top')).toHaveText(WORD);
  await expect(page.getByTestId('loss-total')).toBeVisible();
});

test('a true token the vocabulary splits is explained, not scored', async ({ page }) => {
  await gotoHat(page, { hat: 'pretraining', model: PRE, sentence_a: A, sentence_b: B, labels: 'meowmeowzz', is_next: 'true' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('label-notes')).toContainText('mask 1');
  await expect(page.getByTestId('loss-mlm')).toHaveCount(0);
  await expect(page.getByTestId('loss-nsp')).toBeVisible();
});

test('a host that refuses Range requests gets a clear message naming the host', async ({ page }) => {
  await gotoHat(page, { hat: 'pretraining', model: 'hw-test/no-range-tiny-bert-pretraining', sentence_a: A, sentence_b: B });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId('model-error')).toContainText('ignores HTTP Range requests');
  await expect(page.getByTestId('model-error')).toContainText('127.0.0.1');
});
