/*
 * ONNX Runtime's WebAssembly from the browser's HTTP cache first, where the compiled code is kept.
 * [1] Chrome keeps the machine code V8 made from a WebAssembly file beside the file's HTTP cache
 *     entry and uses it on the next visit, so ONNX Runtime's 14 MB starts from that code instead of
 *     being compiled again (2.2–2.9 s of CPU on a two-core laptop, a core for most of a reload). The
 *     service worker's copy of the file (the offline copy, src/app/offline/sw.ts) has no such code on
 *     a second visit: V8 attaches code to it only while compiling it, so it is ready from the third;
 *     and a file the service worker passes on with fetch() gets no code kept at all. So the first ask
 *     is the HTTP cache's (`force-cache`: any copy it has, whatever its age, which is safe for a file
 *     whose name carries its hash), and the service worker leaves such a request to the browser. With
 *     no copy there (a first visit, a cleared cache) it goes to the network; if that fails too (the
 *     network is cut), the ordinary request follows and the service worker's copy answers.
 *     (`only-if-cached` would never touch the network, but with request interception on, as DevTools
 *     and Playwright's routes have it, such requests crashed Chromium's renderer on the next visit.)
 * [2] Emscripten's loader fetches the file with the global fetch and compiles it as it streams in;
 *     ONNX Runtime offers no other way in that keeps streaming compilation (its `wasmBinary` takes
 *     bytes, whose compiled code V8 never keeps), so the worker's fetch is wrapped for these URLs only.
 */

/** A fetch that asks the HTTP cache first for the URLs `isRuntimeWasm` picks, the ordinary way if that fails ([1]). */
export function preferHttpCache(plain: typeof fetch, isRuntimeWasm: (url: string) => boolean): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (isRuntimeWasm(url)) {
      const cached = await plain(url, { ...init, cache: 'force-cache' }).catch(() => undefined);
      if (cached?.ok) return cached;
    }
    return plain(input, init);
  };
}
