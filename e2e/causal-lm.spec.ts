import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';

const GPT2 = 'hw-test/tiny-gpt2';
const GPT2_NO_PAST = 'hw-test/tiny-gpt2-no-past';

test('a share link writes the known continuation on WASM, and a clicked step shows its candidates', async ({ page }) => {
  await gotoHat(page, { hat: 'causal-lm', model: GPT2, device: 'wasm', text: 'the cat' });
  await waitForHatStatus(page, 'ready');
  const generation = page.getByTestId('generation');
  await generation.waitFor(); // the output panel's code may still be on its way
  await expect(generation).toHaveAttribute('data-finish', 'eos');
  await expect(page.getByTestId('prompt-text')).toHaveText('the cat');
  await expect(page.getByTestId('generated-text')).toHaveText(' sat on the mat.');
  await expect(generation).toHaveAttribute('data-new-tokens', '6');

  await page.getByRole('button', { name: 'Step 3: ␣the' }).click();
  await expect(page.getByTestId('step-chart')).toHaveAttribute('data-step', '3');
  await page.getByText('Table of this step').click();
  const first = page.getByTestId('candidate-row').first();
  await expect(first.getByRole('rowheader')).toHaveText(/^␣the/);
  await expect(first.getByRole('cell').last()).toHaveText('100%'); // greedy: all the mass on the argmax
});

test('Stop mid-generation keeps the partial text', async ({ page }) => {
  await gotoHat(page, { hat: 'causal-lm', model: GPT2_NO_PAST, device: 'wasm', text: 'purr', max_new_tokens: '256' });
  const generated = page.getByTestId('generated-text');
  await generated.waitFor({ state: 'attached' }); // the first tokens have streamed in
  await expect(generated).toContainText('purr purr');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('stopped')).toBeVisible();
  const count = Number(await page.getByTestId('generation').getAttribute('data-new-tokens'));
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThan(256);
  await expect(generated).toHaveText(' purr'.repeat(count));
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue('purr');
});

test('the same sampled link gives the same text twice', async ({ page }) => {
  const link = { hat: 'causal-lm', model: GPT2, device: 'wasm', text: 'a', temperature: '1', seed: '42', max_new_tokens: '4' };
  await gotoHat(page, link);
  await waitForHatStatus(page, 'ready');
  const generated = page.getByTestId('generated-text');
  await generated.waitFor({ state: 'attached' });
  await expect(generated).toHaveText(/^ (cat|dog|cow|bird) sat on the$/);
  const first = await generated.textContent();
  await gotoHat(page, link);
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('generation')).toHaveAttribute('data-new-tokens', '4');
  await expect(generated).toHaveText(first!);
});
