import { describe, expect, it } from 'vitest';
import { ADDED_HEADERS, contentSecurityPolicy, SITE_HEADERS, isolatedByWorker, siteHeaderRecord, withSiteHeaders } from './site-headers';

describe('withSiteHeaders', () => {
  it('adds every site header a host left out, and names what it added', async () => {
    const res = withSiteHeaders(new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(res.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(res.headers.get('Content-Type')).toBe('text/html');
    expect(await res.text()).toBe('<html>');
    expect(isolatedByWorker(res.headers.get(ADDED_HEADERS))).toBe(true);
  });

  it('keeps the host\'s own values, and a host that isolates is not the worker\'s doing', () => {
    const host = new Response('x', { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' } });
    const res = withSiteHeaders(host);
    expect(res.headers.get('Cross-Origin-Embedder-Policy')).toBe('credentialless');
    expect(res.headers.get(ADDED_HEADERS)).toBe('cross-origin-resource-policy');
    expect(isolatedByWorker(res.headers.get(ADDED_HEADERS))).toBe(false);
  });

  it('leaves a response that already has everything, and keeps status and text', () => {
    const all = new Response(null, { status: 404, statusText: 'Not Found', headers: siteHeaderRecord() });
    expect(withSiteHeaders(all)).toBe(all);
    const missing = withSiteHeaders(new Response(null, { status: 404, statusText: 'Not Found' }));
    expect([missing.status, missing.statusText]).toEqual([404, 'Not Found']);
  });

  it('cannot touch an opaque response and does not try', () => {
    const opaque = Response.error();
    expect(withSiteHeaders(opaque)).toBe(opaque);
  });
});

describe('the headers list', () => {
  it('isolates with COOP same-origin and COEP require-corp', () => {
    expect(SITE_HEADERS.filter((h) => h.isolates).map((h) => `${h.name}: ${h.value}`)).toEqual([
      'Cross-Origin-Opener-Policy: same-origin',
      'Cross-Origin-Embedder-Policy: require-corp',
    ]);
  });

  it('has a Content-Security-Policy the service worker leaves to the host, and a meta form without frame-ancestors', () => {
    const csp = SITE_HEADERS.find((h) => h.name === 'Content-Security-Policy')!;
    expect(csp.value).toBe(contentSecurityPolicy());
    expect(csp.value).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(csp.value).toMatch(/frame-ancestors 'self'$/);
    expect(contentSecurityPolicy({ meta: true })).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({ meta: true })).not.toContain("'unsafe-eval'");
    expect(withSiteHeaders(new Response('x')).headers.has('Content-Security-Policy')).toBe(false);
  });

  it('reads the worker\'s note whatever its case and spacing', () => {
    expect(isolatedByWorker('Cross-Origin-Embedder-Policy ,cross-origin-resource-policy')).toBe(true);
    expect(isolatedByWorker(null)).toBe(false);
    expect(isolatedByWorker('')).toBe(false);
  });
});
