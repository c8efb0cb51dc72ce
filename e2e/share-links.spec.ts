import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';

test('the copy button gives a link that restores hat, model, device and inputs in a fresh browser', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', device: 'wasm', text: 'the dog says [MASK] .' });
  await waitForHatStatus(page, 'ready');
  await page.getByRole('spinbutton', { name: 'Guesses per mask' }).fill('3');
  await expect(page.getByTestId('mask-predictions').getByTestId('bar-row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('hat=masked-lm');
  expect(link).toContain('top_k=3');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await waitForHatStatus(other, 'ready');
  await expect(other.getByRole('textbox', { name: /Text with/ })).toHaveValue('the dog says [MASK] .');
  await expect(other.getByRole('combobox', { name: 'Device' })).toHaveValue('wasm');
  await expect(other.getByTestId('mask-predictions').getByTestId('bar-row')).toHaveCount(3);
  await expect(other.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('woof');
  await fresh.close();
});

test('a hand-edited link falls back to defaults with a notice for each bad value', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', dtype: 'q99', device: 'quantum', top_k: '-4', text: 'the cat says [MASK] .' });
  const notices = page.getByTestId('notice');
  await expect(notices.filter({ hasText: '“q99” is not a dtype' })).toBeVisible();
  await expect(notices.filter({ hasText: '“quantum” is not a device' })).toBeVisible();
  await expect(notices.filter({ hasText: 'top_k' })).toBeVisible();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
});

test('an unknown hat opens the wardrobe on the first hat and says why', async ({ page }) => {
  await gotoHat(page, { hat: 'sombrero', text: 'hello' });
  await expect(page.getByTestId('notice').filter({ hasText: '“sombrero”' })).toBeVisible();
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', 'sequence-classification');
});

test('a huge or truncated link still opens, with the text cut and a notice', async ({ page }) => {
  const huge = `the cat says [MASK] . ${'purr '.repeat(3000)}`;
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', text: huge });
  await expect(page.getByTestId('notice').filter({ hasText: 'cut to the first 8,000' })).toBeVisible();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');

  await page.goto('./?v=1&hat=masked-lm&model=hw-test%2Ftiny-bert-mlm&text=the%20cat%20says%20%5BMA');
  await expect(page.getByRole('textbox', { name: /Text with/ })).toHaveValue('the cat says [MA');
  await expect(page.getByTestId('input-problem')).toContainText('There is no [MASK]');
});

test('switching hats keeps each hat’s input, and the guide leads to a hat', async ({ page }) => {
  await gotoHat(page, { hat: 'sequence-classification', model: 'hw-test/tiny-distilbert-sst2', text: 'this movie was great' });
  await waitForHatStatus(page, 'ready');
  await page.getByRole('button', { name: 'How to pick a hat?' }).click();
  // Narrow questions come first: text-to-text before GPT-style writing, given choices before a passage to search.
  await expect(page.getByTestId('guide-question')).toContainText('one text become another');
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await expect(page.getByTestId('guide-question')).toContainText('continue a prompt');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByTestId('guide-question')).toContainText('one text become another');
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await expect(page.getByTestId('guide-question')).toContainText('candidate answers');
  await page.getByRole('button', { name: /Yes: wear .* Multiple choice/ }).click();
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-hat', 'multiple-choice');
  await expect(page).toHaveURL(/hat=multiple-choice/);
  await page.getByRole('navigation', { name: 'Hats' }).getByRole('button', { name: /Sequence classification/ }).click();
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('this movie was great');
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('top-label')).toHaveText('POSITIVE');
});

test('3 000 CJK characters typed into a context give an address the server accepts, which says it was shortened', async ({ page }) => {
  await gotoHat(page, { hat: 'question-answering', model: 'hw-test/tiny-distilbert-squad', question: 'where does the dog run ?' });
  const context = '吾輩は猫である。名前はまだ無い。'.repeat(200).slice(0, 3000);
  await page.getByRole('textbox', { name: 'Context' }).fill(context);
  await expect.poll(() => new URL(page.url()).search).toContain('cut=context');
  const search = new URL(page.url()).search;
  expect(search.length).toBeLessThanOrEqual(8000);
  // The whole text stays in the page; only the address is shortened.
  await expect(page.getByRole('textbox', { name: 'Context' })).toHaveValue(context);

  const reloaded = await page.reload();
  expect(reloaded?.status()).toBe(200);
  await expect(page.getByTestId('notice').filter({ hasText: 'This link was shortened to fit what web servers accept: the end of “context” is missing' })).toBeVisible();
  const kept = await page.getByRole('textbox', { name: 'Context' }).inputValue();
  expect(kept.length).toBeGreaterThan(800);
  expect(context.startsWith(kept)).toBe(true);
});
