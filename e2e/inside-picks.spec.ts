import type { Page } from '@playwright/test';
import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';
import { HUNGRY_CAT, SWAG_ID } from '../src/hats/multiple-choice/cases.ts';
import { LONG_CONTEXT, QA_ID } from '../src/hats/question-answering/cases.ts';

/*
 * Where a run feeds the model several inputs, the Inside panel looks inside one and lets the
 * learner pick which: every ending of a multiple-choice question, every window of a long context.
 */

const MC = { hat: 'multiple-choice', model: SWAG_ID, context: HUNGRY_CAT.context, choice: HUNGRY_CAT.choices };
/** The table's row labels: the tokens of the input shown. */
const queries = (page: Page) => page.getByTestId('attention-table').locator('tbody th').allTextContents();

test('multiple choice: every ending has its pass inside, picked from a link and by keyboard; a bad one falls back with a notice', async ({ page }) => {
  await gotoHat(page, { ...MC, inside: 'attention', ending: '2' });
  await waitForHatStatus(page, 'ready');
  const which = page.getByRole('combobox', { name: 'Which ending' });
  await expect(which).toHaveValue('2');
  await expect.poll(() => queries(page)).toEqual(['[CLS]', 'the', 'cat', 'is', 'hungry', '.', '[SEP]', 'it', 'flies', 'to', 'the', 'moon', '.', '[SEP]']);

  await which.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/ending=3/);
  await expect.poll(() => queries(page)).toContain('book');

  // Past the three endings: said once, and the panel shows the one the model chose (the fish).
  await gotoHat(page, { ...MC, inside: 'attention', ending: '9' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByText('There are 3 endings to look inside, so ending 9 does not exist; showing ending 1.')).toBeVisible();
  await expect.poll(() => queries(page)).toContain('fish');
  await expect(page).not.toHaveURL(/ending=/);
  await gotoHat(page, { ...MC, inside: 'attention', ending: 'x' });
  await expect(page.getByText('“x” is not an ending number (they count from 1); showing the default ending.')).toBeVisible();
});

test('question answering: a long context shows the window that holds the answer first, and every other window on request', async ({ page }) => {
  await gotoHat(page, { hat: 'question-answering', model: QA_ID, question: LONG_CONTEXT.question, context: LONG_CONTEXT.context, inside: 'attention' });
  await waitForHatStatus(page, 'ready');
  const which = page.getByRole('combobox', { name: 'Which window' });
  await expect(which).toBeVisible();
  const options = await which.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  expect(options[0]).toMatch(/^1: context tokens 1–\d+$/);
  await expect.poll(() => queries(page)).toContain('park');
  await expect(which).not.toHaveValue('1');

  await which.selectOption('1');
  await expect(page).toHaveURL(/window=1/);
  await expect.poll(() => queries(page)).not.toContain('park');
  await expect.poll(() => queries(page)).toContain('hungry');
});
