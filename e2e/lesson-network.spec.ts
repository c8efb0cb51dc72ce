import LZString from 'lz-string';
import { MLM_ID } from '../src/hats/masked-lm/cases.ts';
import { SST2_ID } from '../src/hats/sequence-classification/cases.ts';
import { expect, hubLog, resetHubLog, test, waitForHatStatus } from './support/test.ts';

const lesson = {
  v: 1,
  title: 'Before class',
  steps: [
    { link: `v=1&hat=masked-lm&model=${MLM_ID}&text=the+cat+says+%5BMASK%5D+.`, note: 'What does the cat say?' },
    { link: `v=1&hat=sequence-classification&model=${SST2_ID}&text=this+movie+was+great`, note: 'Happy or not?' },
    { link: 'v=1&hat=token-classification&host=demo', note: 'Names, from the demo wardrobe.' },
  ],
};
/** Weight files the hub sent whole (inspecting a model reads one byte of each file it might use). */
const weights = async () => (await hubLog()).filter((e) => /\.(onnx|safetensors)$/.test(e.url) && e.range !== 'bytes=0-0' && e.status === 200).map((e) => e.url);

test('a lesson says what it downloads, steps never start a download above the limit, and "Get this lesson ready" fetches it all', async ({ page }) => {
  // A limit below every model: nothing may start downloading by itself.
  await page.addInitScript(() => localStorage.setItem('hat-wardrobe:settings', JSON.stringify({ host: '', autoLoadMB: 0 })));
  await resetHubLog();
  await page.goto(`./?lesson=${LZString.compressToEncodedURIComponent(JSON.stringify(lesson))}`);
  const readiness = page.getByTestId('lesson-bar').getByTestId('lesson-readiness');
  await expect(readiness.getByTestId('lesson-total')).toHaveText(/^Ready offline: 1 of 3 steps\. Still to download: 0 B and 2 of unknown size\.$/);
  await expect(readiness.getByTestId('step-download').nth(2)).toHaveText(/built in · ready offline$/);

  await expect(page.getByTestId('model-status')).toContainText('It starts when you say so');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 3: Sequence classification');
  await expect(page.getByTestId('model-status')).toContainText('It starts when you say so');
  expect(await weights()).toEqual([]);
  // Looking a model over leaves some of its files in the cache (its config, its tokenizer); a model only partly cached is not ready offline.
  await page.reload();
  await expect(page.getByTestId('model-status')).toContainText('It starts when you say so');
  await expect(readiness.getByTestId('lesson-total')).toHaveText(/^Ready offline: 1 of 3 steps\./);
  await expect(readiness.getByTestId('step-download').nth(1)).toHaveAttribute('data-ready', 'false');

  await readiness.getByRole('button', { name: 'Get this lesson ready' }).click();
  await expect(readiness.getByTestId('lesson-prepare')).toHaveText('Ready: 2 models fetched into this browser.');
  await expect(readiness.getByTestId('lesson-total')).toHaveText('Every step is ready offline in this browser (3 of 3).');
  await expect(readiness.getByTestId('step-download').first()).toHaveAttribute('data-ready', 'true');
  expect((await weights()).sort()).toEqual([`/${MLM_ID}/resolve/main/onnx/model_quantized.onnx`, `/${SST2_ID}/resolve/main/onnx/model_quantized.onnx`]);

  // Ready means cached: the first step now loads at once, without a click and without the hub.
  await resetHubLog();
  await page.getByRole('button', { name: 'Previous step' }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').first().getByRole('rowheader').first()).toHaveText('meow');
  expect(await weights()).toEqual([]);
});
