import { cachedFiles, expect, gotoHat, setHubFaults, test, useModel, waitForHatStatus } from './support/test.ts';

/*
 * A hostile or broken host (scripts/test-hub/hostile.ts): each case ends in a message that names
 * its cause, the next model loads without a reload, nothing bad stays in the browser's cache, and
 * Retry after the host is fixed loads the model.
 */

const ERROR = 'model-error';

test.afterEach(async ({ request }) => setHubFaults(request, true));

test('absurd sizes in config.json are refused by name for every architecture, and a gzip bomb stops at the cap', async ({ page }) => {
  const cases = [
    { hat: 'masked-lm', model: 'hw-test/huge-config-tiny-bert-mlm', field: 'num_hidden_layers' },
    { hat: 'causal-lm', model: 'hw-test/huge-config-tiny-gpt2', field: 'n_layer' },
    { hat: 'seq2seq-lm', model: 'hw-test/huge-config-tiny-t5', field: 'num_decoder_layers' },
    { hat: 'multiple-choice', model: 'hw-test/huge-config-tiny-bert-swag', field: 'num_hidden_layers' },
    { hat: 'masked-image-modeling', model: 'hw-test/huge-config-tiny-vit-mae', field: 'decoder_num_hidden_layers' },
  ];
  for (const c of cases) {
    await gotoHat(page, { hat: c.hat, model: c.model });
    await waitForHatStatus(page, 'error');
    await expect(page.getByTestId(ERROR)).toContainText(`config.json: ${c.field} is 100,000,000, more than the 512 this page allows.`);
  }
  // The next model loads in the same page.
  await useModel(page, 'hw-test/tiny-vit-mae');
  await waitForHatStatus(page, 'ready');

  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/gzip-bomb-tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId(ERROR)).toContainText('config.json is more than 8 MB, the most this page reads for such a file; the download was stopped there.');
  await useModel(page, 'hw-test/tiny-bert-mlm');
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
});

test('truncated ONNX and safetensors files are called damaged, never kept, and load on Retry once the host is fixed', async ({ page, request }) => {
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/truncated-tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId(ERROR)).toContainText(/onnx\/model_quantized\.onnx of “hw-test\/truncated-tiny-bert-mlm” is damaged: it ends [\d,]+ bytes short of its last part .* It was not kept; Retry downloads it again\./);
  expect((await cachedFiles(page, 'hw-test/truncated-tiny-bert-mlm')).filter((u) => u.endsWith('.onnx'))).toEqual([]);
  // The damaged file never reached the model runtime: the next model loads in this page.
  await useModel(page, 'hw-test/tiny-bert-mlm');
  await waitForHatStatus(page, 'ready');

  await gotoHat(page, { hat: 'multiple-choice', model: 'hw-test/truncated-tiny-bert-swag' });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId(ERROR)).toContainText(/model\.safetensors of “hw-test\/truncated-tiny-bert-swag” is damaged: its header places tensors up to byte [\d,]+, but the file has [\d,]+ bytes \(it was cut short\)/);
  await setHubFaults(request, false);
  await page.getByRole('button', { name: 'Retry' }).click();
  await waitForHatStatus(page, 'ready');
  // The tiny model has no preference on the default inputs (a tie, said as one): the answer is its table of scores.
  await expect(page.getByRole('table', { name: /Probability of each choice/ }).getByRole('row')).toHaveCount(4);
});

test('a web page for a file, the statuses 403, 429 and 500, and a host nobody answers at are each named; nothing of them is cached', async ({ page, request }) => {
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/html-tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId(ERROR)).toContainText('answered config.json of “hw-test/html-tiny-bert-mlm” with a web page (HTML), not the JSON file it should be.');
  expect(await cachedFiles(page, 'hw-test/html-tiny-bert-mlm')).toEqual([]);
  for (const [status, words] of [
    ['403', 'refused config.json of “hw-test/status-403-tiny-bert-mlm” (403 Forbidden)'],
    ['429', 'answered 429 Too Many Requests for config.json of “hw-test/status-429-tiny-bert-mlm”: it is limiting how often this network may download. Wait a minute, then Retry.'],
    ['500', 'had a problem of its own (500 Internal Server Error) when asked for config.json of “hw-test/status-500-tiny-bert-mlm”'],
  ]) {
    await useModel(page, `hw-test/status-${status}-tiny-bert-mlm`);
    await waitForHatStatus(page, 'error');
    await expect(page.getByTestId(ERROR)).toContainText(words!);
  }
  // A host nobody answers at (nothing listens on port 9): unreachable, not an error status.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel(/Model host/).fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Use host' }).click();
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId(ERROR)).toContainText('Could not reach http://127.0.0.1:9');
  await page.getByRole('button', { name: /^Reset to / }).click();
  await page.getByRole('region', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();

  // Fixed, the host that sent a web page sends the files: Retry loads them, and only they are cached.
  await useModel(page, 'hw-test/html-tiny-bert-mlm');
  await waitForHatStatus(page, 'error');
  await setHubFaults(request, false);
  await page.getByRole('button', { name: 'Retry' }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
  const config = await page.evaluate(async () => {
    const cache = await caches.open('transformers-cache');
    const hit = (await cache.keys()).find((r) => r.url.endsWith('/hw-test/html-tiny-bert-mlm/resolve/main/config.json'));
    return hit ? (await cache.match(hit))!.text() : undefined;
  });
  expect(JSON.parse(config!)).toMatchObject({ model_type: 'bert' });
});

test('a model the runtime cannot open spends that worker: a fresh one takes over, the next model loads, Retry after the fix loads it', async ({ page, request }) => {
  const garbled = 'hw-test/garbled-tiny-bert-mlm';
  await gotoHat(page, { hat: 'masked-lm', model: garbled, text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'error');
  await expect(page.getByTestId(ERROR)).toContainText(`A file of “${garbled}” is damaged: the model runtime could not read it.`);
  const restarted = page.getByTestId('notice').filter({ hasText: `The model runtime was restarted after “${garbled}” failed with a damaged file` });
  await expect(restarted).toBeVisible();

  // Without a reload: transformers.js in the spent worker would open no model again.
  await useModel(page, 'hw-test/tiny-bert-mlm');
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
  await expect(page.getByRole('textbox', { name: /Text with \[MASK\]/ })).toHaveValue('the cat says [MASK] .');

  await useModel(page, garbled);
  await waitForHatStatus(page, 'error');
  await setHubFaults(request, false);
  await page.getByRole('button', { name: 'Retry' }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
});

test('a silent host and a trickling one: another model or Cancel ends the wait at once, the stall limit ends it by itself, Retry after the fix loads', async ({ page, request }) => {
  const stallSeconds = async (seconds: number) => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Stop a download when the host sends nothing for').fill(String(seconds));
    await page.getByRole('region', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  };
  const cancel = page.getByTestId('hat-view').getByRole('button', { name: 'Cancel' });
  await gotoHat(page, { hat: 'masked-lm', model: 'hw-test/tiny-bert-mlm', text: 'the cat says [MASK] .' });
  await waitForHatStatus(page, 'ready');

  // Ten minutes of patience: had the silent request not been cancelled, the next one would wait behind it.
  await stallSeconds(600);
  await useModel(page, 'hw-test/silent-tiny-bert-mlm');
  await expect(cancel).toBeVisible();
  await useModel(page, 'hw-test/tiny-bert-mlm');
  await waitForHatStatus(page, 'ready');
  await useModel(page, 'hw-test/silent-tiny-bert-mlm');
  await cancel.click();
  await expect(page.getByTestId(ERROR)).toContainText('Loading “hw-test/silent-tiny-bert-mlm” was cancelled. Retry starts it again, or pick another model.');

  await stallSeconds(2);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId(ERROR)).toContainText(/stopped sending \S+ of “hw-test\/silent-tiny-bert-mlm”: nothing arrived for 2 seconds\. Retry/);
  // A byte every 3 s is never 5 s of silence, but far too little to ever finish.
  await stallSeconds(5);
  await useModel(page, 'hw-test/trickle-tiny-bert-mlm');
  await expect(page.getByTestId(ERROR)).toContainText(/is sending \S+ of “hw-test\/trickle-tiny-bert-mlm” too slowly to ever finish: \d bytes? in \d+ seconds\. Retry/);

  await setHubFaults(request, false);
  await page.getByRole('button', { name: 'Retry' }).click();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('mask-predictions').getByRole('rowheader').first()).toHaveText('meow');
});
