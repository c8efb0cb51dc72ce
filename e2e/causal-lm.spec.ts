import { expect, gotoHat, sameElements, test, waitForHatStatus } from './support/test.ts';
import { saveChart } from './support/chart-export.ts';
import { expectCausal, expectRowsSumToOne, readAttentionTable } from './support/inside.ts';
import { formatPercent } from '../src/lib/format.ts';
import { BYTE_TOKEN, ENDLESS_PROMPT, GPT2_ID as GPT2, GPT2_NO_PAST_ID as GPT2_NO_PAST, greedyCases } from '../src/hats/causal-lm/cases.ts';

const [theCat] = greedyCases;

test('a share link writes the known continuation on WASM, and a clicked step shows its candidates', async ({ page }) => {
  await gotoHat(page, { hat: 'causal-lm', model: GPT2, device: 'wasm', text: theCat.prompt });
  await waitForHatStatus(page, 'ready');
  const generation = page.getByTestId('generation');
  await generation.waitFor(); // the output panel's code may still be on its way
  await expect(generation).toHaveAttribute('data-finish', 'eos');
  await expect(page.getByTestId('prompt-text')).toHaveText(theCat.prompt);
  await expect(page.getByTestId('generated-text')).toHaveText(theCat.continuation);
  await expect(generation).toHaveAttribute('data-new-tokens', '6');
  // The step view opens on the first new token, not on the end of the text.
  await expect(page.getByTestId('step-chart')).toHaveAttribute('data-step', '1');

  await page.getByRole('button', { name: 'Step 3: ␣the' }).click();
  await expect(page.getByTestId('step-chart')).toHaveAttribute('data-step', '3');
  await page.getByText('Table of this step').click();
  const first = page.getByTestId('candidate-row').first();
  await expect(first.getByRole('rowheader')).toHaveText(/^␣the/);
  await expect(first.getByRole('cell').last()).toHaveText('100%'); // greedy: all the mass on the argmax

  // Take it with you: the bar chart as a PNG of the drawing's size (twice over), its numbers as the table has them.
  const saved = await saveChart(page.getByTestId('step-chart'), 'candidates for step 3');
  expect(saved.png).toMatchObject({ width: saved.drawing.width * 2, height: saved.drawing.height * 2 });
  expect(saved.png.colours).toBeGreaterThan(3);
  expect(saved.csv[0]).toEqual(['category', 'raw softmax (%)', 'after filters (sampled from) (%)']);
  const table = await page.getByTestId('candidate-row').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('th')!.firstChild!.textContent!, ...[...row.querySelectorAll('td')].slice(1).map((td) => td.textContent!)]),
  );
  const percent = (v: string) => formatPercent(Number(v) / 100);
  expect(saved.csv.slice(1).map(([token, raw, final]) => [token, percent(raw!), percent(final!)])).toEqual(table);
});

test('a token that is one byte of a character is shown as that byte, in the step chart and its table', async ({ page }) => {
  await gotoHat(page, { hat: 'causal-lm', model: GPT2, device: 'wasm', text: BYTE_TOKEN.prompt, max_new_tokens: '2' });
  await waitForHatStatus(page, 'ready');
  const chart = page.getByTestId('step-chart');
  await expect(chart).toHaveAttribute('data-step', '1');
  // The runner-up after "purr" is the byte 0xE2 alone: its bar is labelled with the byte, not a box.
  await expect(chart.locator('svg text').filter({ hasText: BYTE_TOKEN.shown })).toHaveCount(1);
  await page.getByText('Table of this step').click();
  const tokens = page.getByTestId('candidate-row').getByRole('rowheader');
  await expect(tokens.first()).toHaveText(/^␣purr/);
  await expect(tokens.nth(1)).toHaveText(BYTE_TOKEN.shown);
  // No candidate is drawn as a box or as an invisible control character (those are bytes too).
  const unreadable = (await tokens.allTextContents()).filter((t) => /[\p{Cc}\ufffd]/u.test(t));
  expect(unreadable).toEqual([]);
});

test('Stop mid-generation keeps the partial text', async ({ page }) => {
  // In slow motion 256 tokens take over two minutes, longer than the test may run: the press
  // cannot lose a race with the end of the text, however busy the machine is.
  await gotoHat(page, { hat: 'causal-lm', model: GPT2_NO_PAST, device: 'wasm', text: ENDLESS_PROMPT, max_new_tokens: '256', pace: 'slow' });
  const generated = page.getByTestId('generated-text');
  await expect(generated).toContainText('purr purr'); // tokens are streaming in
  const stop = page.getByTestId('run-controls').getByRole('button', { name: /^(Stop|Stopping…)$/ });
  await expect(stop).toBeEnabled();
  await stop.click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('stopped')).toBeVisible();
  const count = Number(await page.getByTestId('generation').getAttribute('data-new-tokens'));
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThan(256);
  await expect(generated).toHaveText(' purr'.repeat(count));
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(ENDLESS_PROMPT);
  // The same button, back to "Stop" and inactive, still holding the focus the press gave it.
  await expect(stop).toHaveText('Stop');
  await expect(stop).toBeDisabled();
  await expect(stop).toBeFocused();
});

test('Generate and Stop stay the same elements while a fast run streams 256 tokens', async ({ page }) => {
  await gotoHat(page, { hat: 'causal-lm', model: GPT2_NO_PAST, device: 'wasm', text: ENDLESS_PROMPT, max_new_tokens: '4' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('generation')).toHaveAttribute('data-finish', 'length');
  const controls = page.getByTestId('run-controls');
  const generate = controls.getByRole('button', { name: 'Generate' });
  const stop = controls.getByRole('button', { name: 'Stop' });
  const same = await sameElements(generate, stop);
  await page.getByRole('spinbutton', { name: 'New tokens' }).fill('256');
  await generate.click();
  await expect(page.getByTestId('generation')).toHaveAttribute('data-new-tokens', '256');
  await waitForHatStatus(page, 'ready');
  await same.check();
  await expect(generate).toBeEnabled();
  await expect(stop).toBeDisabled();
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

test('Inside from share links: the causal triangle at layer 1 head 1, and the lens guessing " sat" after "the cat"', async ({ page }) => {
  const link = { hat: 'causal-lm', model: GPT2, device: 'wasm', text: theCat.prompt };
  await gotoHat(page, { ...link, inside: 'attention', layer: '1', head: '1' });
  const table = page.getByTestId('attention-table');
  await expect(table).toHaveAttribute('data-layer', '1');
  await expect(table).toHaveAttribute('data-head', '1');
  const data = await readAttentionTable(table);
  expect(data.queries).toEqual(['the', ' cat']);
  expect(data.keys).toEqual(data.queries);
  expectCausal(data);
  expectRowsSumToOne(data);
  expect(data.weights[0]).toEqual([1, 0]); // the first token can only read itself
  await expect(page.getByTestId('inside-panel')).toContainText('never ahead');

  await gotoHat(page, { ...link, inside: 'lens' });
  const lens = page.getByTestId('lens-table');
  await expect(lens).toHaveAttribute('data-position', '1'); // the last token, where the next word is guessed
  const rows = lens.locator('tbody tr');
  await expect(rows).toHaveCount(2); // the embeddings and the one layer
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-layer')))).toEqual(['0', '1']);
  await expect(rows.last().locator('td').first()).toHaveText(' sat');
});
