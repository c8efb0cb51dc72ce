/**
 * The response headers the app needs on its own files, in one list. The service worker adds the
 * ones a host leaves out (src/app/offline/sw.ts), public/_headers and docs/space-README.md write them
 * for hosts that read such files, the dev and preview servers send them, and unit tests hold all of
 * those to this list. A new header is one more entry here.
 */
export interface SiteHeader {
  name: string;
  value: string;
  /** Why the app needs it, for the README and the files that carry it. */
  why: string;
  /** It is one of the two that make the page cross-origin isolated (several WebAssembly threads). */
  isolates: boolean;
  /**
   * A Hugging Face static Space can set it in its README's `custom_headers`, which accepts only
   * COOP, COEP and CORP; anything else must reach a Space another way (a <meta> tag, say).
   */
  space: boolean;
  /** The service worker adds it where the host left it out (default true). */
  worker?: boolean;
  /** The dev server sends it too (default true; Vite's dev page needs inline scripts). */
  dev?: boolean;
}

/*
 * [2] The Content-Security-Policy: what the app loads, and from where.
 *     - scripts and workers only from the app's own origin; 'wasm-unsafe-eval' lets ONNX Runtime
 *       compile its WebAssembly (nothing else is evaluated); blob: workers for ONNX Runtime's threads;
 *     - connect-src: the app's origin (a pack of models under models/), any https host, and http on
 *       this computer. The model host is a setting a school types in later (its own mirror), which a
 *       policy written at build time cannot know; on an https page the browser already refuses
 *       every plain-http host but this computer, so "https: and loopback" is exactly what a mirror
 *       can be. A plain-http mirror on another machine needs the site itself on plain http, or the
 *       models put in the site (npm run pack);
 *     - images from the app, data: (the favicon, QR codes) and blob: (a picture the person drops in);
 *     - no plugins, no <base> elsewhere, forms post nowhere else;
 *     - frame-ancestors 'self': no other site may frame the app. Only a header can carry it (a meta
 *       tag cannot), so hosts with header files (public/_headers) refuse framing; where the policy
 *       arrives as the meta tag only (GitHub Pages, a Space, whose Hub page frames the app), framing
 *       stays allowed. The service worker does not add the header for that reason: it would break a
 *       Space's own page.
 */
export const CSP_DIRECTIVES: readonly [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self' https: http://localhost:* http://127.0.0.1:*"],
  ['img-src', "'self' data: blob:"],
  ['style-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'self'"],
];

/** The policy as one header value; `meta: true` leaves out what a <meta> tag cannot carry. */
export function contentSecurityPolicy({ meta = false } = {}): string {
  return CSP_DIRECTIVES.filter(([name]) => !meta || name !== 'frame-ancestors')
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export const SITE_HEADERS: readonly SiteHeader[] = [
  {
    name: 'Cross-Origin-Opener-Policy',
    value: 'same-origin',
    why: 'keeps windows of other sites out of this page\'s process: half of cross-origin isolation',
    isolates: true,
    space: true,
  },
  {
    // [1] require-corp, not credentialless: every cross-origin load the app makes (models from the Hub
    //     or a mirror) is a CORS fetch, which COEP lets through in both modes, and Safari knows only
    //     require-corp. credentialless would differ only for no-cors loads (a cross-origin <img>),
    //     which the app does not make.
    name: 'Cross-Origin-Embedder-Policy',
    value: 'require-corp',
    why: 'lets the page load only what agrees to be loaded (CORS or CORP): the other half of cross-origin isolation',
    isolates: true,
    space: true,
  },
  {
    name: 'Cross-Origin-Resource-Policy',
    value: 'same-origin',
    why: 'no other site may embed the app\'s own files; the app loads them from its own origin',
    isolates: false,
    space: true,
  },
  {
    name: 'Content-Security-Policy',
    value: contentSecurityPolicy(),
    why: 'the page runs only its own scripts and WebAssembly, and no other site may frame it (the built index.html carries the same policy as a meta tag, without frame-ancestors, for hosts that send no headers)',
    isolates: false,
    space: false,
    worker: false,
    dev: false,
  },
];

/**
 * Set by the service worker on a response it completed, listing the headers it added (lower case,
 * comma-separated), so the page can tell "isolated by the host" from "isolated by the service worker".
 */
export const ADDED_HEADERS = 'Hat-Wardrobe-Added-Headers';

/** The headers as the dev and preview servers (and tests) want them: name → value. */
export function siteHeaderRecord(headers: readonly SiteHeader[] = SITE_HEADERS): Record<string, string> {
  return Object.fromEntries(headers.map((h) => [h.name, h.value]));
}

/**
 * `response` with every site header it lacks; the host's own values win. Opaque responses cannot be
 * rewritten and stay as they are.
 */
export function withSiteHeaders(response: Response, headers: readonly SiteHeader[] = SITE_HEADERS): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const missing = headers.filter((h) => h.worker !== false && !response.headers.has(h.name));
  if (missing.length === 0) return response;
  const out = new Headers(response.headers);
  for (const h of missing) out.set(h.name, h.value);
  out.set(ADDED_HEADERS, missing.map((h) => h.name.toLowerCase()).join(', '));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: out });
}

/** True when the service worker added a header that isolates the page (the host sent none). */
export function isolatedByWorker(added: string | null, headers: readonly SiteHeader[] = SITE_HEADERS): boolean {
  if (!added) return false;
  const names = new Set(added.split(',').map((n) => n.trim().toLowerCase()));
  return headers.some((h) => h.isolates && names.has(h.name.toLowerCase()));
}
