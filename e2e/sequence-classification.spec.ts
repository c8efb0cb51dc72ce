import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';
import { NLI_ID as NLI, SST2_ID as SST2 } from '../src/hats/sequence-classification/cases.ts';

test('a share link opens the classifier, runs it on WASM and shows every label from the config', async ({ page }) => {
  await gotoHat(page, { hat: 'sequence-classification', model: SST2, text: 'this movie was great' });
  await waitForHatStatus(page, 'ready');
  const output = page.getByTestId('hat-output');
  await expect(output.getByTestId('top-label')).toHaveText('POSITIVE');
  await expect(output.getByTestId('bar-row')).toHaveCount(2);
  await expect(output.getByRole('rowheader', { name: 'NEGATIVE' })).toBeVisible();
  await expect(page.getByTestId('run-badge')).toContainText(/WASM \([1-9]\d* threads?\) · q8 · \d/);
  await expect(page.getByTestId('explainer-labels')).toHaveText('NEGATIVE, POSITIVE');
  await expect(page.getByTestId('miya-tip')).toBeVisible();
});

test('typing re-runs the model and the verdict follows the words', async ({ page }) => {
  await gotoHat(page, { hat: 'sequence-classification', model: SST2, text: 'this movie was great' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('top-label')).toHaveText('POSITIVE');
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('this movie was awful');
  await expect(page.getByTestId('top-label')).toHaveText('NEGATIVE');
  await waitForHatStatus(page, 'ready');
  await expect(page).toHaveURL(/text=this\+movie\+was\+awful/);
});

test('a sentence pair reaches the model with its segment ids', async ({ page }) => {
  await gotoHat(page, { hat: 'sequence-classification', model: NLI, text: 'a cat sleeps', text_pair: 'a cat does not sleep' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('top-label')).toHaveText('contradiction');
  await page.getByText(/^Tokens/).click();
  const rows = page.getByTestId('token-row');
  await expect(rows.first()).toContainText('[CLS]');
  await expect(page.getByTestId('tokens-view').getByRole('columnheader', { name: 'type' })).toBeVisible();
  await expect(rows.filter({ hasText: 'not' })).toContainText('1');

  await page.getByRole('textbox', { name: /Second sentence/ }).fill('a cat sleeps');
  await expect(page.getByTestId('top-label')).toHaveText('entailment');
});

test('empty text gets a clear message and nothing the person typed is lost', async ({ page }) => {
  await gotoHat(page, { hat: 'sequence-classification', model: SST2, text: 'this movie was great', text_pair: 'keep me' });
  await waitForHatStatus(page, 'ready');
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('   ');
  await expect(page.getByTestId('input-problem')).toContainText('The text is empty');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByRole('textbox', { name: /Second sentence/ })).toHaveValue('keep me');
});

test('text longer than the model window is truncated and the page says so', async ({ page }) => {
  const long = Array.from({ length: 90 }, (_, i) => (i % 2 ? 'good' : 'film')).join(' ');
  await gotoHat(page, { hat: 'sequence-classification', model: SST2, text: long });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('top-label')).toHaveText('POSITIVE');
  await page.getByText(/^Tokens/).click();
  await expect(page.getByTestId('truncation-notice')).toContainText('reads at most 64');
  await expect(page.getByTestId('token-row')).toHaveCount(64);
  // Truncated like Python's tokenizers: the closing [SEP] survives the cut.
  await expect(page.getByTestId('token-row').last()).toContainText('[SEP]');
  await expect(page.getByTestId('output-truncated')).toBeVisible();
});

test('a long sentence pair keeps both sentences and both separators when cut', async ({ page }) => {
  const long = Array.from({ length: 80 }, () => 'the cat sleeps').join(' ');
  await gotoHat(page, { hat: 'sequence-classification', model: NLI, text: long, text_pair: 'the cat does not sleep' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('top-label')).toHaveText('contradiction');
  await page.getByText(/^Tokens/).click();
  const rows = page.getByTestId('token-row');
  await expect(rows).toHaveCount(64);
  await expect(rows.filter({ hasText: '[SEP]' })).toHaveCount(2);
  await expect(rows.last()).toContainText('[SEP]');
});
