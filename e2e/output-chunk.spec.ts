import { SST2_ID as SST2 } from '../src/hats/sequence-classification/cases.ts';
import { expect, gotoHat, HUB_URL, test, waitForHatStatus } from './support/test.ts';

test('a hat’s output is fetched while its model loads, so the first answer does not wait for it', async ({ page, context }) => {
  // The model's graph is held back until the page has asked for the rest of what its first answer needs.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(`${HUB_URL}/**/*.onnx`, async (route) => {
    await held;
    await route.fallback();
  });
  const outputChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/Output-[^/]+\.js/.test(request.url())) outputChunks.push(request.url());
  });

  await gotoHat(page, { hat: 'sequence-classification', model: SST2, text: 'this movie was great' });
  await expect.poll(() => outputChunks.length).toBe(1);
  await expect(page.getByTestId('hat-view')).toHaveAttribute('data-status', 'loading');
  await expect(page.getByTestId('hat-output')).toContainText('The model is getting ready');

  release();
  await waitForHatStatus(page, 'ready');
  await expect(page.getByTestId('top-label')).toHaveText('POSITIVE');
  expect(outputChunks).toHaveLength(1);
});
