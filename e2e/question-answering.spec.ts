import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';
import { ANSWER_IN_QUESTION, CAT, DOG, LONG_CONTEXT, NO_ANSWER, QA_CONTEXT, QA_ID } from '../src/hats/question-answering/cases.ts';

// Known cases of the fixture model (src/hats/question-answering/fixture.ts builds it).
const HAT = 'question-answering';
const answer = (word: string | null) => new RegExp(`^(the )?${word}$`);

test('a share link runs the reader on WASM and highlights the known answer in the context', async ({ page }) => {
  await gotoHat(page, { hat: HAT, model: QA_ID, question: DOG.question, context: QA_CONTEXT });
  await waitForHatStatus(page, 'ready');
  const output = page.getByTestId('hat-output');
  await expect(output.getByTestId('answer-highlight')).toHaveText(answer('park'));
  await expect(output.getByTestId('answer-text')).toHaveText(answer('park'));
  await expect(output.getByTestId('answer-context')).toHaveText(QA_CONTEXT);
  await expect(output.getByRole('table', { name: /Start and end probability of each context token/ })).toBeAttached();
  await expect(output.getByTestId('bar-row').filter({ hasText: '[no answer]' })).toHaveCount(1);
  await expect(page.getByTestId('run-badge')).toContainText(/WASM \([1-9]\d* threads?\) · q8 · \d/);
  await expect(page.getByTestId('explainer-head')).toHaveText('qa_outputs: Linear(32 → 2)');
  await expect(page.getByTestId('miya-tip')).toBeVisible();
});

test('typing a new question re-runs the model and the highlight moves', async ({ page }) => {
  await gotoHat(page, { hat: HAT, model: QA_ID, question: DOG.question, context: QA_CONTEXT });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('answer-highlight')).toHaveText(answer('park'));
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(CAT.question);
  await expect(page.getByTestId('answer-highlight')).toHaveText(answer('mat'));
  await waitForHatStatus(page, 'ready');
  await expect(page).toHaveURL(/question=where\+does\+the\+cat\+sleep/);
});

test('an answer word inside the question is still taken from the context', async ({ page }) => {
  const c = ANSWER_IN_QUESTION;
  await gotoHat(page, { hat: HAT, model: QA_ID, question: c.question, context: c.context });
  await waitForHatStatus(page, 'ready');
  const highlight = page.getByTestId('answer-context').getByTestId('answer-highlight');
  await expect(highlight).toHaveText(answer(c.expected.answer));
  // Every candidate span is a piece of the context, none of the question's own words.
  const labels = await page.getByTestId('hat-output').getByTestId('bar-row').getByRole('rowheader').allTextContents();
  const spans = labels.filter((l) => l !== '[no answer]').map((l) => l.replace(/ @\d+$/, ''));
  expect(spans.length).toBeGreaterThan(0);
  expect(spans.filter((s) => !c.context.includes(s))).toEqual([]);
});

test('a context longer than the window is read in overlapping windows and the answer comes from a later one', async ({ page }) => {
  const c = LONG_CONTEXT;
  await gotoHat(page, { hat: HAT, model: QA_ID, question: c.question, context: c.context });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('answer-highlight')).toHaveText(answer(c.expected.answer));
  await expect(page.getByTestId('qa-windows')).toContainText(/overlapping windows .* best span came from window [2-9]/);
  await expect(page.getByTestId('output-truncated')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Window' }).getByRole('button', { name: 'Window 2' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Window 1' }).click();
  await expect(page.getByRole('table', { name: /in window 1$/ })).toBeAttached();
});

test('a passage without the answer gets the honest "no answer" verdict', async ({ page }) => {
  const c = NO_ANSWER;
  await gotoHat(page, { hat: HAT, model: QA_ID, question: c.question, context: c.context });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('qa-verdict')).toContainText('No answer');
  await expect(page.getByTestId('answer-highlight')).toHaveCount(0);
  await expect(page.getByTestId('hat-output').getByTestId('bar-row').first().getByRole('rowheader')).toHaveText('[no answer]');
});

test('an empty question gets a clear message and the context is kept', async ({ page }) => {
  await gotoHat(page, { hat: HAT, model: QA_ID, question: DOG.question, context: QA_CONTEXT });
  await waitForHatStatus(page, 'ready');
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('  ');
  await expect(page.getByTestId('input-problem')).toContainText('The question is empty');
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByRole('textbox', { name: 'Context', exact: true })).toHaveValue(QA_CONTEXT);
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(CAT.question);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('answer-highlight')).toHaveText(answer('mat'));
});
