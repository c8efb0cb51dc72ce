import { MLM_ID } from '../src/hats/masked-lm/cases.ts';
import { SST2_ID } from '../src/hats/sequence-classification/cases.ts';
import type { Browser, Page } from '@playwright/test';
import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';

/** The teacher copies the lesson's link; a student opens it in a browser of their own. */
async function studentOpensLesson(teacher: Page, browser: Browser): Promise<Page> {
  await teacher.getByRole('button', { name: 'Copy lesson link' }).click();
  const link = await teacher.evaluate(() => navigator.clipboard.readText());
  const student = await (await browser.newContext()).newPage();
  await student.goto(link);
  return student;
}

test('a teacher captures a step, updates it from the view and makes it predict-first; the student guesses from the link, then sees guess and answer, and the lesson ends', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoHat(page, { hat: 'masked-lm', model: MLM_ID, text: 'the dog says [MASK] .' });
  await page.getByRole('button', { name: 'Build a lesson' }).click();
  await page.getByRole('button', { name: 'Add this hat as a step' }).click();
  const capture = page.getByTestId('step-capture');
  await expect(capture.getByRole('definition').first()).toHaveText(MLM_ID);
  await expect(capture).toContainText('the dog says [MASK] .');
  // The teacher changes the view and takes it into the step.
  await page.getByRole('textbox', { name: /Text with/ }).fill('the cat says [MASK] .');
  await page.getByRole('button', { name: 'Update step 1 from the current view' }).click();
  await expect(capture).toContainText('the cat says [MASK] .');
  await page.getByRole('checkbox', { name: 'Predict first' }).check();
  await page.getByRole('textbox', { name: /Question students answer/ }).fill('What does the cat say?');
  await gotoHat(page, { hat: 'sequence-classification', model: SST2_ID, text: 'this movie was great' });
  await page.getByRole('button', { name: 'Build a lesson' }).click();
  await page.getByRole('button', { name: 'Add this hat as a step' }).click();
  const student = await studentOpensLesson(page, browser);
  const predict = student.getByTestId('predict-first');
  await expect(predict).toContainText('What does the cat say?');
  await waitForHatStatus(student, 'ready');
  // The model has run, yet nothing of its answer is on the page.
  await expect(student.getByTestId('hat-output')).toHaveCount(0);
  await expect(student.getByTestId('mask-predictions')).toHaveCount(0);
  await expect(predict.getByRole('radio')).not.toHaveCount(0);
  await predict.getByRole('radio', { name: 'meow' }).check();
  await predict.getByRole('button', { name: 'Commit my guess' }).click();
  const revealed = student.getByTestId('prediction-revealed');
  await expect(revealed.getByTestId('your-guess')).toContainText('meow');
  await expect(revealed.getByTestId('guess-verdict')).toHaveText('The model’s top answer too.');
  await expect(revealed.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('meow');

  await student.getByRole('button', { name: 'Next step' }).click();
  await waitForHatStatus(student, 'ready');
  await expect(student.getByTestId('top-label')).toHaveText('POSITIVE');
  await student.getByRole('button', { name: 'Finish the lesson' }).click();
  await expect(student.getByTestId('lesson-end')).toContainText('End of the lesson: 2 steps done.');
  await expect(student.getByTestId('lesson-end')).toContainText('Step 1: you predicted “meow”, the model answered “meow”.');
  await student.getByRole('button', { name: 'Start again' }).click();
  await expect(student.getByTestId('lesson-step')).toHaveText('Step 1 of 2: Masked language modeling');
  // The guess stays with its step.
  await expect(student.getByTestId('your-guess')).toContainText('meow');
  await student.context().close();
});

test('a step captured while Inside is open reopens it for the student, at the layer and head the teacher chose', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoHat(page, { hat: 'sequence-classification', model: SST2_ID, text: 'this movie was great', inside: 'attention', layer: '1', head: '2' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('attention-table')).toHaveAttribute('data-head', '2');
  await page.getByRole('button', { name: 'Build a lesson' }).click();
  await page.getByRole('button', { name: 'Add this hat as a step' }).click();
  const student = await studentOpensLesson(page, browser);
  await waitForHatStatus(student, 'ready');
  const table = student.getByTestId('attention-table');
  await expect(table).toHaveAttribute('data-layer', '1');
  await expect(table).toHaveAttribute('data-head', '2');
  await student.context().close();
});
