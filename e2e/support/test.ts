/**
 * The `test` every e2e spec imports: @playwright/test plus
 *  - an automatic loopback guard: any request from the page, its workers or
 *    service workers to a host other than 127.0.0.1 / localhost / [::1] is
 *    aborted, recorded, and fails the test after its body, listing the URLs;
 *  - an automatic Content-Security-Policy guard: every test runs under the app's
 *    policy (the preview server sends it, the page carries it), and a violation
 *    the browser reports, in the page or any of its workers, fails the test;
 *  - helpers for share links, hat status and the test hub's request log.
 */
import { test as base, expect, type APIRequestContext, type Locator, type Page, type Response } from '@playwright/test';
import type { HubLogEntry } from '../../scripts/test-hub/hub.ts';
import { formatLeakMessage, isLoopbackUrl } from './loopback.ts';

export { expect };
export { formatLeakMessage, isLoopbackHost, isLoopbackUrl, leakedUrls } from './loopback.ts';
export type { HubLogEntry };

/** The test hub started by playwright.config.ts. */
export const HUB_URL = process.env.HUB_URL ?? `http://127.0.0.1:${process.env.E2E_HUB_PORT ?? 7071}`;

export interface LoopbackGuard {
  /** Non-loopback URLs seen so far in this test, each once, in order. */
  leaks(): string[];
  /** Forget them: only for tests that provoke a leak on purpose. */
  clear(): void;
}

export interface CspGuard {
  /** Violations the page's console reported so far in this test, as the browser words them. */
  violations(): string[];
  /** Violations reported to the test hub so far (the page's and its workers'). */
  reported(): Promise<string[]>;
  /** Forget them all: only for tests that provoke a violation on purpose. */
  clear(): Promise<void>;
}

const CSP_REPORT = /Content Security Policy|Content-Security-Policy/i;

interface CspReport {
  'csp-report'?: { 'document-uri'?: string; 'violated-directive'?: string; 'blocked-uri'?: string; 'source-file'?: string };
}

function describeReport(report: CspReport | string): string {
  if (typeof report === 'string') return report;
  const r = report['csp-report'] ?? {};
  return `${r['violated-directive']} blocked ${r['blocked-uri'] || '(inline)'} in ${r['source-file'] ?? r['document-uri']}`;
}

export const test = base.extend<{ loopbackGuard: LoopbackGuard; cspGuard: CspGuard }>({
  cspGuard: [
    async ({ context }, use) => {
      const found: string[] = [];
      // The page's violations reach its console at once; every violation, a worker's too, is also
      // reported to the test hub (the e2e build's policy has a report-uri there).
      context.on('console', (message) => {
        if (CSP_REPORT.test(message.text())) found.push(message.text());
      });
      await fetch(`${HUB_URL}/__csp-reports/reset`, { method: 'POST' });
      let cleared = 0;
      const reports = async () => ((await (await fetch(`${HUB_URL}/__csp-reports`)).json()) as CspReport[]).map(describeReport);
      await use({
        violations: () => [...found],
        reported: async () => (await reports()).slice(cleared),
        clear: async () => {
          found.length = 0;
          cleared = (await reports()).length;
        },
      });
      const all = [...found, ...(await reports()).slice(cleared)];
      if (all.length > 0) throw new Error(`${all.length} Content-Security-Policy violation(s):\n${all.map((v) => `  - ${v}`).join('\n')}`);
    },
    { auto: true },
  ],
  loopbackGuard: [
    async ({ context }, use) => {
      const leaks = new Set<string>();
      const check = (url: string) => {
        if (!isLoopbackUrl(url)) leaks.add(url);
      };
      // Events see everything (pages, dedicated and service workers); the
      // route also makes sure nothing actually goes out. Routes a test adds
      // later run first; they can fulfil, and `fallback()` lands here.
      context.on('request', (request) => check(request.url()));
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isLoopbackUrl(url)) return route.fallback();
        leaks.add(url);
        return route.abort('blockedbyclient');
      });
      await context.routeWebSocket(
        (url) => !isLoopbackUrl(url.href),
        (ws) => {
          leaks.add(ws.url());
          return ws.close({ code: 1008, reason: 'loopback guard' });
        },
      );

      await use({ leaks: () => [...leaks], clear: () => leaks.clear() });

      if (leaks.size > 0) throw new Error(formatLeakMessage([...leaks]));
    },
    { auto: true },
  ],
});

export type HatParams = Record<string, string | readonly string[]>;

/**
 * The share link for `params`, relative to baseURL: `./?v=1&hat=…&…`.
 * `v` defaults to 1 and comes first, then `hat`, then the rest in order;
 * arrays become repeated keys.
 */
export function hatUrl(params: HatParams): string {
  const query = new URLSearchParams();
  const add = (key: string, value: string | readonly string[]) => {
    for (const v of typeof value === 'string' ? [value] : value) query.append(key, v);
  };
  add('v', params.v ?? '1');
  if (params.hat !== undefined) add('hat', params.hat);
  for (const [key, value] of Object.entries(params)) {
    if (key !== 'v' && key !== 'hat') add(key, value);
  }
  return `./?${query.toString()}`;
}

/** Opens the app from a share link, e.g. `gotoHat(page, { hat: 'fill-mask', text: 'Paris is the [MASK].' })`. */
export function gotoHat(
  page: Page,
  params: HatParams,
  options?: Parameters<Page['goto']>[1],
): Promise<Response | null> {
  return page.goto(hatUrl(params), options);
}

export type HatStatus = 'idle' | 'loading' | 'running' | 'ready' | 'error';

/**
 * Waits until the hat view's `data-status` is one of `want`, and returns it.
 * Unless `error` is wanted (or `failOnError: false`), an `error` status fails
 * at once with the hat view's text, instead of at the timeout.
 */
export async function waitForHatStatus(
  page: Page,
  want: HatStatus | readonly HatStatus[] = 'ready',
  options: { timeout?: number; failOnError?: boolean } = {},
): Promise<HatStatus> {
  const wanted: string[] = typeof want === 'string' ? [want] : [...want];
  const stopOnError = options.failOnError !== false && !wanted.includes('error');
  const handle = await page.waitForFunction(
    ({ wanted, stopOnError }) => {
      const status = document.querySelector('[data-testid="hat-view"]')?.getAttribute('data-status');
      if (!status) return false;
      return wanted.includes(status) || (stopOnError && status === 'error') ? status : false;
    },
    { wanted, stopOnError },
    { timeout: options.timeout, polling: 'raf' },
  );
  const status = (await handle.jsonValue()) as HatStatus;
  if (status === 'error' && !wanted.includes('error')) {
    const text = (await page.getByTestId('hat-view').innerText()).trim().slice(0, 1000);
    throw new Error(`hat-view went to status "error" while waiting for ${wanted.join(' | ')}:\n${text}`);
  }
  return status;
}

/** The test hub's request log (method, url, status, range, …), oldest first. */
export async function hubLog(request?: APIRequestContext): Promise<HubLogEntry[]> {
  const url = `${HUB_URL}/__log`;
  if (request) {
    const res = await request.get(url);
    if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
    return (await res.json()) as HubLogEntry[];
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return (await res.json()) as HubLogEntry[];
}

/** Empties the test hub's request log. */
export async function resetHubLog(request?: APIRequestContext): Promise<void> {
  const url = `${HUB_URL}/__log/reset`;
  const status = request ? (await request.post(url)).status() : (await fetch(url, { method: 'POST' })).status;
  if (status !== 204) throw new Error(`POST ${url}: ${status}`);
}

/**
 * Turns the test hub's fault prefixes off (the host is "fixed") or back on. A test that fixes the
 * host turns the faults back on in a `finally`.
 */
export async function setHubFaults(request: APIRequestContext, on: boolean): Promise<void> {
  const res = await request.post(`${HUB_URL}/__faults/${on ? 'on' : 'off'}`);
  if (res.status() !== 204) throw new Error(`POST /__faults/${on ? 'on' : 'off'}: ${res.status()}`);
}

/** The URLs in the browser's model cache (transformers.js' Cache API cache), for one model. */
export async function cachedFiles(page: Page, model: string): Promise<string[]> {
  return page.evaluate(async (m) => {
    const cache = await caches.open('transformers-cache');
    return (await cache.keys()).map((r) => r.url).filter((u) => u.includes(`/${m}/resolve/`));
  }, model);
}

/** Switches the open hat to another Hub model by id, as a person would (Model → Another model…). */
export async function useModel(page: Page, id: string): Promise<void> {
  const field = page.getByRole('textbox', { name: /Hub model id/ });
  if (!(await field.isVisible())) await page.getByRole('combobox', { name: 'Model' }).selectOption({ label: 'Another model from the Hub…' });
  await field.fill(id);
  await page.getByRole('button', { name: 'Use this model' }).click();
}

/**
 * Remembers the elements `locators` point at now; `check()` later asserts that each is still in the
 * page, the same element, not one re-created in its place (a press on a re-created button is lost).
 */
export async function sameElements(...locators: Locator[]): Promise<{ check(): Promise<void> }> {
  const handles = await Promise.all(locators.map(async (l) => ({ l, h: await l.elementHandle() })));
  return {
    async check() {
      for (const { l, h } of handles) {
        expect(await h!.evaluate((el) => el.isConnected), `${l} was replaced by a new element`).toBe(true);
        expect(await l.evaluate((el, old) => el === old, h), `${l} points at another element now`).toBe(true);
      }
    },
  };
}

/** File names of ONNX Runtime's WebAssembly that any of the page's Cache API caches holds, .mjs before .wasm. */
export async function keptRuntimeFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const file = new URL(request.url).pathname.split('/').pop()!;
        if (file.startsWith('ort-wasm')) names.push(file);
      }
    }
    const ext = (file: string) => file.slice(file.lastIndexOf('.'));
    return names.sort((a, b) => ext(a).localeCompare(ext(b)) || a.localeCompare(b));
  });
}

/**
 * Tells the document now open that the network is cut, as `context.setOffline(true)` told the one
 * that was open when it was called. With Chromium 150 a document that opens while the context is
 * offline (its service worker serves it) reads navigator.onLine as true and hears no 'offline' event,
 * though every request to the network fails; a real cut network is seen by the browser itself. The
 * emulation is set again from a DevTools session of the page's own, which reaches the open document
 * without going online in between (the session stays attached: detaching would lift it).
 */
export async function offlineAgain(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}
