import { PURR_TEXT, seq2seqCases, T5_ID } from '../src/hats/seq2seq-lm/cases.ts';
import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';
import { expectCausal, expectRowsSumToOne, readAttentionTable } from './support/inside.ts';

// The tiny T5 fixture (src/hats/seq2seq-lm/fixture.ts), run for real on WASM.
const cat = seq2seqCases[0]!;
const dog = seq2seqCases[1]!;

// An encoder-decoder opens two ONNX sessions (encoder and decoder) before its first run.
test.beforeEach(() => test.slow());

test('a share link translates with the known output: the encoder tokens once, then one decoder step per token', async ({ page }) => {
  await gotoHat(page, { hat: 'seq2seq-lm', model: T5_ID, task: cat.task, text: cat.text });
  await waitForHatStatus(page, 'ready');
  const gen = page.getByTestId('generation');
  await expect(page.getByTestId('generated-text')).toHaveText(cat.expected);
  await expect(gen).toHaveAttribute('data-new-tokens', String(cat.steps.length));
  await expect(gen).toHaveAttribute('data-finish', 'eos');
  // translate English to German: the cat </s> — read once, the prefix marked.
  const encoder = gen.getByTestId('encoder-token');
  await expect(encoder).toHaveText(['▁translate', '▁English', '▁to', '▁German', ':', '▁the', '▁cat', '</s>']);
  await expect(gen.locator('[data-testid=encoder-token][data-prefix=true]')).toHaveCount(5);
  await expect(gen.getByTestId('decoder-step')).toHaveText(cat.steps);
  await gen.getByTestId('decoder-step').nth(1).click();
  await expect(gen.getByTestId('step-candidates')).toContainText('Step 2');
  await expect(gen.getByTestId('candidate-row').first()).toContainText('▁Katze');
  await expect(page.getByTestId('run-badge')).toContainText(/WASM/);

  // On demand: typing does not run; Generate does, and the new answer replaces the old.
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill(dog.text);
  await expect(page.getByTestId('generated-text')).toHaveText(cat.expected);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generated-text')).toHaveText(dog.expected);
});

test('Stop keeps the text written so far and the input', async ({ page }) => {
  // "purr" never reaches </s>; in slow motion its 512 tokens would take over four minutes, so the
  // press cannot lose a race with the end of the text.
  await gotoHat(page, { hat: 'seq2seq-lm', model: T5_ID, task: 'instruct', text: PURR_TEXT, max_new_tokens: '512', pace: 'slow' });
  await expect(page.getByTestId('decoder-step').nth(1)).toBeVisible(); // two tokens have streamed in
  const stop = page.getByTestId('run-controls').getByRole('button', { name: /^(Stop|Stopping…)$/ });
  await stop.click();
  await waitForHatStatus(page, 'ready');
  const gen = page.getByTestId('generation');
  await expect(gen).toHaveAttribute('data-finish', 'stopped');
  await expect(page.getByTestId('finish')).toContainText('Stopped');
  const written = Number(await gen.getAttribute('data-new-tokens'));
  expect(written).toBeGreaterThanOrEqual(2);
  expect(written).toBeLessThan(512);
  await expect(page.getByTestId('generated-text')).toHaveText(Array(written).fill('purr').join(' '));
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue(PURR_TEXT);
  await expect(stop).toBeDisabled();
});

test('bad input: an empty text is named, an out-of-range limit is clamped with a note, nothing typed is lost', async ({ page }) => {
  await gotoHat(page, { hat: 'seq2seq-lm', model: T5_ID, task: dog.task, text: dog.text, max_new_tokens: '9999' });
  await expect(page.getByTestId('notice').filter({ hasText: '9999' })).toContainText('512 is used');
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('generated-text')).toHaveText(dog.expected);
  const limit = page.getByRole('spinbutton', { name: 'Max new tokens' });
  await expect(limit).toHaveValue('512');
  await limit.fill('0');
  await limit.press('Enter');
  await expect(page.getByTestId('clamp-note')).toContainText('1 is used');
  await expect(limit).toHaveValue('1');

  const text = page.getByRole('textbox', { name: 'Text', exact: true });
  await text.fill('   ');
  await expect(page.getByTestId('input-problem')).toContainText('The text is empty');
  await expect(page.getByRole('button', { name: 'Generate' })).toBeDisabled();
  await text.fill(dog.text);
  await page.getByRole('button', { name: 'Generate' }).click();
  await waitForHatStatus(page, 'ready');
  // One new token allowed: the article, cut off at the limit.
  await expect(page.getByTestId('generated-text')).toHaveText('der');
  await expect(page.getByTestId('finish')).toContainText('Cut off at 1 new tokens');
});

test('Inside from a share link: encoder, decoder and cross-attention at layer 1 head 1, the decoder never reading ahead', async ({ page }) => {
  await gotoHat(page, { hat: 'seq2seq-lm', model: T5_ID, device: 'wasm', task: 'translate-de', text: 'the cat', inside: 'attention', layer: '1', head: '1' });
  const maps = page.getByTestId('attention-map');
  await expect(maps).toHaveCount(3);
  expect(await maps.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toEqual(['encoder self', 'decoder self', 'cross']);
  const table = (name: string) => page.locator(`[data-testid="attention-map"][data-name="${name}"]`).getByTestId('attention-table');
  for (const name of ['encoder self', 'decoder self', 'cross']) {
    await expect(table(name)).toHaveAttribute('data-layer', '1');
    await expect(table(name)).toHaveAttribute('data-head', '1');
    expectRowsSumToOne(await readAttentionTable(table(name)));
  }
  const decoder = await readAttentionTable(table('decoder self'));
  expect(decoder.queries).toEqual(['<pad>', '▁die', '▁Katze']);
  expectCausal(decoder);
  // Cross-attention: the decoder's steps (rows) read the source (columns); head 1 of the fixture looks for the noun.
  const cross = await readAttentionTable(table('cross'));
  expect(cross.queries).toEqual(decoder.queries);
  expect(cross.keys).toEqual((await readAttentionTable(table('encoder self'))).keys);
  for (const row of cross.weights) expect(cross.keys[row.indexOf(Math.max(...row))]).toBe('▁cat');
});
