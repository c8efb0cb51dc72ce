/*
 * ONNX Runtime's WebAssembly in the offline copy. The service worker does not precache it: a device
 * needs one of its two builds (14 or 27 MB, src/lib/ort-build.ts), which only the device can tell.
 * The page says which (runtime-cache.ts) and the worker keeps exactly those files in RUNTIME_CACHE,
 * answering them cache-first (src/app/offline/sw.ts). Pure, so the page, the service worker and
 * the unit tests share it.
 */

/** The Cache API cache that holds this device's build, and nothing else. */
export const RUNTIME_CACHE = 'hat-wardrobe-onnx-runtime';

/** The page asks the service worker to keep these files (one build: its .wasm and .mjs). */
export interface KeepRuntimeMessage {
  type: 'KEEP_RUNTIME';
  urls: string[];
}

// Vite names them assets/ort-wasm-simd-threaded[.asyncify]-<hash>.{wasm,mjs}; the glob in
// vite.config.ts (globIgnores) keeps the same files out of the precache.
const RUNTIME_FILE = /\/ort-wasm-simd-threaded[^/]*\.(?:wasm|mjs)$/;

/** True for a file of ONNX Runtime's WebAssembly served by this site, under the worker's scope. */
export function isRuntimeFile(url: string | URL, scope: string): boolean {
  const u = new URL(url);
  const s = new URL(scope);
  return u.origin === s.origin && u.pathname.startsWith(s.pathname) && RUNTIME_FILE.test(u.pathname);
}

/** The files a KEEP_RUNTIME message names, or undefined when `data` is not one (or names other files). */
export function runtimeToKeep(data: unknown, scope: string): string[] | undefined {
  const m = data as Partial<KeepRuntimeMessage> | null;
  if (m?.type !== 'KEEP_RUNTIME' || !Array.isArray(m.urls) || m.urls.length === 0) return undefined;
  const urls = m.urls.filter((u): u is string => typeof u === 'string');
  return urls.length === m.urls.length && urls.every((u) => URL.canParse(u) && isRuntimeFile(u, scope)) ? urls : undefined;
}
