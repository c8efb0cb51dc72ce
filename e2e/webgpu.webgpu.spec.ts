import { expect, gotoHat, test, waitForHatStatus } from './support/test.ts';

// This project starts Chromium with --enable-unsafe-webgpu: a slow software adapter, but a real WebGPU path.

test('auto picks WebGPU when an adapter exists and the answer is the same', async ({ page }) => {
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'ready', { timeout: 90_000 });
  await expect(page.getByTestId('model-device')).toHaveText('WebGPU');
  await expect(page.getByTestId('run-device')).toHaveText('WebGPU');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
});

test('when the GPU refuses a device, WASM takes over and the page says why', async ({ page }) => {
  // Break WebGPU inside the inference worker only: its adapter exists but refuses to give a device.
  await page.route('**/assets/inference.worker-*.js', async (route) => {
    const response = await route.fetch();
    const patch =
      "if (self.GPUAdapter) GPUAdapter.prototype.requestDevice = function () { return Promise.reject(new Error('simulated GPU failure')); };\n";
    await route.fulfill({ response, body: patch + (await response.text()) });
  });
  await gotoHat(page, { hat: 'sequence-classification', model: 'hw-test/tiny-distilbert-sst2', text: 'this movie was great' });
  await waitForHatStatus(page, 'ready', { timeout: 90_000 });
  await expect(page.getByTestId('model-device')).toHaveText('WASM');
  await expect(page.getByTestId('notice').filter({ hasText: 'Auto chose WebAssembly: WebGPU is present but would not start (simulated GPU failure)' }).first()).toBeVisible();
  await expect(page.getByTestId('top-label')).toHaveText('POSITIVE');
});
