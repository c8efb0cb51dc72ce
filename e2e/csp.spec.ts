import { expect, HUB_URL, test, waitForHatStatus } from './support/test.ts';

/*
 * The app under its Content-Security-Policy. Every e2e test runs under it and fails on any
 * violation the browser reports, in the page or in a worker (support/test.ts), so the every-hat
 * walk of a11y.spec.ts is every hat under the policy. Here: the policy arrives both ways, what it
 * forbids is refused and reported (so the guard can fail), and another site cannot frame the app.
 */

test('the policy arrives as a header and a meta tag, and what it forbids is refused and reported, in the page and in a worker', async ({ page, cspGuard }) => {
  const response = await page.goto('./?v=1&hat=masked-lm&model=hw-test%2Ftiny-bert-mlm&text=the+cat+says+%5BMASK%5D+.');
  expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';.*frame-ancestors 'self'/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  expect(meta).not.toContain('frame-ancestors');
  await waitForHatStatus(page, 'ready');
  expect(await cspGuard.reported()).toEqual([]);

  // What an injected script would try: run inline code in the page, evaluate a string in a worker.
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    const worker = new Worker(URL.createObjectURL(new Blob(['onmessage = () => { try { eval("1"); postMessage("ran") } catch { postMessage("refused") } }'], { type: 'text/javascript' })));
    worker.postMessage('go');
    const answer = await new Promise<MessageEvent<string>>((resolve) => worker.addEventListener('message', resolve, { once: true }));
    return { inline: (window as unknown as { __injected?: boolean }).__injected ?? false, worker: answer.data };
  });
  expect(outcome).toEqual({ inline: false, worker: 'refused' });
  await expect.poll(() => cspGuard.reported()).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src.* blocked inline/), expect.stringMatching(/^script-src.* blocked eval in blob/)]));
  await cspGuard.clear();
});

test('another site cannot frame the app', async ({ page }) => {
  const app = test.info().project.use.baseURL!;
  // The test hub is another origin (another port): a page there frames the app.
  await page.route(`${HUB_URL}/__framer`, (route) => route.fulfill({ contentType: 'text/html', body: `<iframe src="${app}"></iframe>` }));
  await page.goto(`${HUB_URL}/__framer`);
  // Chromium shows its error page in a frame the policy refused (frame-ancestors is not reported).
  await expect.poll(() => page.frames().map((f) => f.url())).toEqual([`${HUB_URL}/__framer`, 'chrome-error://chromewebdata/']);
});
