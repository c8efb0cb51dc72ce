import { expect, gotoHat, hubLog, resetHubLog, test, waitForHatStatus } from './support/test.ts';

test('a model id that does not exist gets a clear error, and the text stays', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/no-such-model', text: 'my own [MASK] words' });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId('model-error')).toContainText('“hw-test/no-such-model” could not be found');
  await expect(page.getByRole('textbox', { name: /Text with/ })).toHaveValue('my own [MASK] words');
});

test('a model without ONNX weights says so', async ({ page }) => {
  await gotoHat(page, { hat: 'sequence-classification', model: 'hw-test/no-onnx', text: 'hello' });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId('model-error')).toContainText('has no ONNX weights');
});

test('a download that breaks half-way offers a retry, which really tries again', async ({ page, request }) => {
  await resetHubLog(request);
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/fail-halfway-tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId('model-error')).toContainText('broke off before it finished');
  const onnxGets = async () => (await hubLog(request)).filter((e) => e.method === 'GET' && e.url.endsWith('.onnx') && !e.range).length;
  const before = await onnxGets();
  expect(before).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Retry' }).click();
  await waitForHatStatus(page, 'error');
  await expect.poll(onnxGets).toBeGreaterThan(before);
  await expect(page.getByRole('textbox', { name: /Text with/ })).toHaveValue('the cat says [MASK] .');
});

test('another Hub id can be typed in; a malformed one is refused in place', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'ready');
  await page.getByRole('combobox', { name: 'Model' }).selectOption({ label: 'Another model from the Hub…' });
  const field = page.getByRole('textbox', { name: /Hub model id/ });
  await field.fill('not a model id!');
  await page.getByRole('button', { name: 'Use this model' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'looks like “org/name”' })).toBeVisible();
  await field.fill('hw-test/tiny-bert-mlm');
  await page.getByRole('button', { name: 'Use this model' }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
});

test('the settings list cached models, a reload loads from the cache, and clearing empties it', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('model-source')).toContainText('downloaded');
  await page.reload();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('model-source')).toHaveText('loaded from the browser cache');

  await page.getByRole('button', { name: 'Settings' }).click();
  const list = page.getByRole('list', { name: 'Cached models' });
  await expect(list.getByRole('listitem').filter({ hasText: 'hw-test/tiny-bert-mlm' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove hw-test/tiny-bert-mlm from the cache' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'hw-test/tiny-bert-mlm' })).toHaveCount(0);
});

test('WebGPU asked for where there is none: WASM answers and the page says so', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', device: 'webgpu', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('model-device')).toHaveText('WASM');
  await expect(page.getByTestId('notice').filter({ hasText: 'WebGPU is not available' }).first()).toBeVisible();
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
});
