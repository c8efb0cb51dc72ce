import { expect, gotoHat, hubLog, resetHubLog, test, waitForHatStatus } from './support/test.ts';
import { HAPPY_CAT, HUNGRY_CAT as known, SWAG_ID as SWAG } from '../src/hats/multiple-choice/cases.ts';

// The fixture's known case (src/hats/multiple-choice/fixture.ts builds the model): the choice that feeds the hungry cat wins.
const CONTEXT = known.context;
const CHOICES = known.choices;
const WINNER = CHOICES[known.expected.index]!;

test('a share link with repeated choices picks the known one, shows every pair and names the tensors', async ({ page, request }) => {
  await resetHubLog(request);
  await gotoHat(page, { hat: 'multiple-choice', model: SWAG, context: CONTEXT, choice: CHOICES });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('best-choice')).toHaveText(WINNER);
  await expect(page.getByTestId('model-source')).toContainText(/downloaded \d+(\.\d)? kB/);
  const rows = page.getByTestId('hat-output').getByTestId('bar-row');
  await expect(rows).toHaveCount(3);
  const best = rows.nth(known.expected.index).getByRole('cell').first();
  expect(Number.parseFloat((await best.innerText()).replace('%', ''))).toBeGreaterThan(known.expected.minProb * 100);

  await page.getByText('What the encoder read for each pair').click();
  const pairs = page.getByTestId('pair-tokens');
  await expect(pairs).toHaveCount(3);
  await expect(pairs.nth(1)).toContainText('[CLS]');
  await expect(pairs.nth(1)).toContainText('moon');

  const provenance = page.getByTestId('provenance');
  await expect(provenance).toContainText(SWAG);
  await expect(provenance).toContainText('classifier.weight [1, 32]');
  await expect(provenance).toContainText('classifier.bias [1]');

  // The weights came piece by piece: Range requests answered 206, never the whole file.
  const st = (await hubLog(request)).filter((e) => e.url.includes(`${SWAG}/resolve/main/model.safetensors`) && e.method === 'GET');
  expect(st.length).toBeGreaterThan(0);
  expect(st.every((e) => e.status === 206 && e.range !== null)).toBe(true);
});

test('a context without a need makes every choice tie', async ({ page }) => {
  const tie = HAPPY_CAT;
  await gotoHat(page, { hat: 'multiple-choice', model: SWAG, context: tie.context, choice: tie.choices });
  await waitForHatStatus(page, 'ready');
  const cells = page.getByTestId('hat-output').getByTestId('bar-row').getByRole('cell');
  const shares = await Promise.all(tie.choices.map(async (_, i) => Number.parseFloat(await cells.nth(i * 2).innerText())));
  for (const p of shares) expect(Math.abs(p - 100 / tie.choices.length)).toBeLessThan(1.5);
  // A tie is said as one: no "best choice", and every choice in full.
  await expect(page.getByTestId('choice-tie')).toContainText(`A tie: choices 1, 2 and 3 score the same`);
  await expect(page.getByTestId('best-choice')).toHaveCount(0);
  for (const [i, text] of tie.choices.entries()) await expect(page.getByTestId('hat-output').getByRole('rowheader', { name: `${i + 1}. ${text}`, exact: true })).toBeVisible();
  await expect(page.getByTestId('hat-output').getByRole('columnheader', { name: 'score (logit)' })).toBeVisible();
});

test('choices can be added and removed in the form, and the order is kept', async ({ page }) => {
  await gotoHat(page, { hat: 'multiple-choice', model: SWAG, context: CONTEXT, choice: [CHOICES[1]!, CHOICES[2]!] });
  await waitForHatStatus(page, 'ready');
  await page.getByRole('button', { name: 'Add a choice' }).click();
  await page.getByRole('textbox', { name: 'Choice 3' }).fill(CHOICES[0]!);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('best-choice')).toHaveText(WINNER);
  await expect(page).toHaveURL(/choice=it\+eats\+fish/);
  await page.getByRole('button', { name: 'Remove choice 1' }).click();
  await expect(page.getByRole('textbox', { name: 'Choice 1' })).toHaveValue(CHOICES[2]!);
  await expect(page.getByRole('textbox', { name: 'Choice 3' })).toHaveCount(0);
});

const bad: [string, string[], RegExp][] = [
  ['one choice', ['it eats fish .'], /only one choice.*at least 2/],
  ['six choices', ['a', 'b', 'c', 'd', 'e', 'f'], /6 choices; this hat compares at most 5/],
  ['an empty choice', ['it eats fish .', ''], /Choice 2 is empty/],
  ['a repeated choice', ['it eats fish .', 'it reads a book .', 'it eats fish .'], /Choice 1 and Choice 3 are the same/],
];

for (const [what, choices, message] of bad) {
  test(`${what} gets a clear message and the input stays`, async ({ page }) => {
    await gotoHat(page, { hat: 'multiple-choice', model: SWAG, context: CONTEXT, choice: choices });
    await expect(page.getByTestId('input-problem')).toContainText(message);
    await expect(page.getByRole('textbox', { name: 'Context' })).toHaveValue(CONTEXT);
    for (const [i, c] of choices.entries()) await expect(page.getByRole('textbox', { name: `Choice ${i + 1}`, exact: true })).toHaveValue(c);
    await expect(page.getByTestId('best-choice')).toHaveCount(0);
  });
}
