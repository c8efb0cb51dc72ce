import { expect, gotoHat, keptRuntimeFiles, test, waitForHatStatus } from './support/test.ts';

// The offline copy is the service worker's: this spec needs it.
test.use({ serviceWorkers: 'allow' });

test('where WebGPU works, the offline copy keeps the WebGPU-capable ONNX Runtime alone, and the hat answers offline on it', async ({ page, context }) => {
  test.slow();
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'ready', { timeout: 90_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-shell', 'ready');
  await expect.poll(() => keptRuntimeFiles(page)).toEqual([expect.stringMatching(/^ort-wasm-simd-threaded\.asyncify-[\w-]+\.mjs$/), expect.stringMatching(/^ort-wasm-simd-threaded\.asyncify-[\w-]+\.wasm$/)]);

  await context.setOffline(true);
  await page.reload();
  await waitForHatStatus(page, 'ready', { timeout: 90_000 });
  await expect(page.getByTestId('model-device')).toHaveText('WebGPU');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
});
