/**
 * The demo wardrobe: tiny teaching models with hand-set weights that ship with the app
 * (scripts/fixtures/demo.ts builds them into `demo-models/` beside index.html, laid out like the
 * Hub). A link chooses it with `host=demo`, the only host a link may choose: it always means this
 * built-in set, never an address someone typed.
 */
export const DEMO_HOST = 'demo';

/** Where the demo models are served: the app's own origin, next to the page. */
export function demoHost(base: string = globalThis.document?.baseURI ?? 'http://localhost/'): string {
  return new URL('demo-models', base).href;
}

/** The model host the page loads from: the built-in demo set, or the host in Settings. */
export function modelHost(s: { demo: boolean; settings: { host: string } }): string {
  return s.demo ? demoHost() : s.settings.host;
}

/** Roughly what the demo set weighs (public/demo-models, measured by `node --import tsx scripts/fixtures/demo.ts`). */
export const DEMO_SIZE = '2.3 MB';
