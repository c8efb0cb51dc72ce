import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';
import { MLM_ID as MLM } from '../src/hats/masked-lm/cases.ts';

test('a share link fills the mask with the known word, and clicking a guess writes it in', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: MLM, text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'ready');
  const first = page.getByTestId('mask-predictions').first().getByTestId('bar-row').first();
  await expect(first.getByRole('rowheader')).toHaveText('meow');

  await first.getByRole('button', { name: 'Fill mask 1 with “meow”' }).click();
  const box = page.getByRole('textbox', { name: /Text with \[MASK\]/ });
  await expect(box).toHaveValue('the cat says meow .');
  // No mask is left: a hint and a one-click fix instead of an output.
  await expect(page.getByTestId('input-problem')).toContainText('There is no [MASK]');
  await page.getByTestId('input-problem').getByRole('button', { name: 'Insert [MASK]' }).click();
  await expect(box).toHaveValue('the cat says meow . [MASK]');
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions')).toHaveCount(1);
});

test('each mask gets its own predictions, and the reverse question is answered too', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: MLM, text: 'the [MASK] says meow .' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('cat');

  await page.getByRole('textbox', { name: /Text with/ }).fill('the dog says [MASK] . [MASK]');
  await expect(page.getByTestId('mask-predictions')).toHaveCount(2);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('woof');
});

test('the Tokens view shows word pieces, ids, special tokens and the attention mask', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: MLM, text: 'the cow says [MASK] .' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('moo');
  await page.getByText(/^Tokens/).click();
  const rows = page.getByTestId('token-row');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(0)).toContainText('[CLS]');
  await expect(rows.nth(4)).toContainText('[MASK]');
  await expect(rows.nth(6)).toContainText('[SEP]');
  await expect(page.getByTestId('tokens-view').getByRole('columnheader', { name: 'attention' })).toBeVisible();
});

test('text without a mask gets a hint and a button that inserts one', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: MLM, text: 'the cat says' });
  await waitForHatStatus(page, 'idle');
  await expect(page.getByTestId('input-problem')).toContainText('There is no [MASK]');
  await page.getByRole('button', { name: 'Insert [MASK]' }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('meow');
});
