/**
 * Proves the loopback guard in ./support/test.ts works. Needs no app and no
 * hub: the "site" is fulfilled by routes on a loopback origin that nothing
 * listens on, and the external hosts are never contacted (the guard aborts).
 */
import { expect, formatLeakMessage, hatUrl, isLoopbackUrl, leakedUrls, test } from './support/test.ts';

const SITE = 'http://localhost:9';
const PAGE = `<!doctype html><title>guard</title><p>guard test</p>`;
const WORKER = `
  onmessage = async (e) => {
    try { await fetch(e.data); postMessage('fetched'); } catch (err) { postMessage('failed: ' + err); }
  };`;
const SERVICE_WORKER = `
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
  self.addEventListener('message', (e) => {
    e.waitUntil(fetch(e.data).then(() => 'fetched', (err) => 'failed: ' + err)
      .then((r) => e.source.postMessage(r)));
  });`;

test.describe('pure logic', () => {
  test('classifies hosts', () => {
    for (const url of [
      'http://127.0.0.1:4173/hat-wardrobe/',
      'http://localhost:7071/x',
      'http://[::1]:8080/',
      'http://127.1.2.3/',
      'ws://localhost:5173/',
      'http://app.localhost/',
      'data:text/plain,hi',
      'blob:http://127.0.0.1:4173/0b7e',
      'about:blank',
      'chrome-error://chromewebdata/',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
    for (const url of [
      'https://huggingface.co/x/resolve/main/config.json',
      'https://cdn.jsdelivr.net/npm/onnxruntime-web/dist/ort-wasm.wasm',
      'http://0.0.0.0:4173/',
      'http://192.168.1.2/',
      'http://[::2]/',
      'http://localhost.example.com/',
      'http://127.0.0.1.nip.io/',
      'wss://example.com/',
      'not a url',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });

  test('lists each leak once and says which', () => {
    const leaks = leakedUrls(['http://127.0.0.1/a', 'https://a.example/x', 'https://b.example/', 'https://a.example/x']);
    expect(leaks).toEqual(['https://a.example/x', 'https://b.example/']);
    expect(formatLeakMessage(leaks)).toContain('https://a.example/x');
    expect(formatLeakMessage(leaks)).toMatch(/2 request\(s\) left loopback/);
  });

  test('builds share links', () => {
    expect(hatUrl({ hat: 'fill-mask', text: 'Paris is the [MASK].', choices: ['a b', 'c'] })).toBe(
      './?v=1&hat=fill-mask&text=Paris+is+the+%5BMASK%5D.&choices=a+b&choices=c',
    );
    expect(hatUrl({ model: 'x/y', hat: 'h', v: '2' })).toBe('./?v=2&hat=h&model=x%2Fy');
  });
});

test.describe('in the browser', () => {
  // The config blocks service workers for speed; this block checks the guard sees theirs.
  test.use({ serviceWorkers: 'allow' });

  test.beforeEach(async ({ context, page }) => {
    // On the context, not the page: a service worker's script and fetches
    // belong to the context.
    await context.route(`${SITE}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const [body, contentType] =
        path === '/worker.js'
          ? [WORKER, 'text/javascript']
          : path === '/sw.js'
            ? [SERVICE_WORKER, 'text/javascript']
            : path === '/ok'
              ? ['ok', 'text/plain']
              : [PAGE, 'text/html'];
      return route.fulfill({ body, contentType });
    });
    await page.goto(`${SITE}/guard.html`);
  });

  test('loopback requests pass', async ({ page, loopbackGuard }) => {
    expect(await page.evaluate(() => fetch('/ok').then((r) => r.text()))).toBe('ok');
    expect(loopbackGuard.leaks()).toEqual([]);
  });

  test('catches and aborts a fetch from the page', async ({ page, loopbackGuard }) => {
    const outcome = await page.evaluate((url) => fetch(url).then(() => 'fetched', (e: unknown) => `failed: ${String(e)}`), 'https://leak.example/page');
    expect(outcome).toMatch(/^failed/);
    expect(loopbackGuard.leaks()).toEqual(['https://leak.example/page']);
    loopbackGuard.clear();
  });

  test('catches subresources from page.setContent', async ({ page, loopbackGuard }) => {
    await page.setContent(`<img src="https://leak.example/pixel.png"><script src="https://leak.example/x.js"></script>`);
    await expect.poll(() => loopbackGuard.leaks().sort()).toEqual(['https://leak.example/pixel.png', 'https://leak.example/x.js']);
    loopbackGuard.clear();
  });

  test('catches a fetch from a dedicated worker', async ({ page, loopbackGuard }) => {
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const worker = new Worker('/worker.js');
          worker.onmessage = (e: MessageEvent<string>) => resolve(e.data);
          worker.postMessage(url);
        }),
      'https://leak.example/worker',
    );
    expect(outcome).toMatch(/^failed/);
    expect(loopbackGuard.leaks()).toEqual(['https://leak.example/worker']);
    loopbackGuard.clear();
  });

  test('catches a fetch from a service worker', async ({ page, loopbackGuard }) => {
    const outcome = await page.evaluate(async (url) => {
      const reg = await navigator.serviceWorker.register('/sw.js');
      await navigator.serviceWorker.ready;
      const sw = reg.active;
      if (!sw) return 'no active service worker';
      return new Promise<string>((resolve) => {
        navigator.serviceWorker.onmessage = (e: MessageEvent<string>) => resolve(e.data);
        sw.postMessage(url);
      });
    }, 'https://leak.example/service-worker');
    expect(outcome).toMatch(/^failed/);
    expect(loopbackGuard.leaks()).toEqual(['https://leak.example/service-worker']);
    loopbackGuard.clear();
  });

  test('catches a WebSocket', async ({ page, loopbackGuard }) => {
    await page.evaluate(
      (url) =>
        new Promise<void>((resolve) => {
          const ws = new WebSocket(url);
          ws.onclose = () => resolve();
          ws.onerror = () => resolve();
        }),
      'wss://leak.example/socket',
    );
    expect(loopbackGuard.leaks()).toEqual(['wss://leak.example/socket']);
    loopbackGuard.clear();
  });

  // No assertion on purpose: the body cannot fail (the fetch error is caught),
  // so the only failure test.fail() can be expecting is the guard's, after the body.
  // eslint-disable-next-line playwright/expect-expect
  test('fails the test when a leak is left', async ({ page }) => {
    test.fail();
    await page.evaluate(() => fetch('https://leak.example/left').catch(() => undefined));
  });
});
