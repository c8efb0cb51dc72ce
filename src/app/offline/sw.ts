/// <reference lib="webworker" />
/**
 * The app's one service worker (built by vite-plugin-pwa's injectManifest, registered by
 * service-worker.ts). It does two jobs:
 *  - keeps the app shell (HTML, JS, CSS), the one ONNX Runtime build this device runs ([5]) and the
 *    demo wardrobe's tiny models (demo-models/) so the page opens, and the demo answers, with the
 *    network cut. Other models are not its business: transformers.js keeps them in its own Cache
 *    API cache, and a model host, even one at this site's own models/ path (a pack), is left to the
 *    network;
 *  - gives every response it serves the headers the app needs (src/lib/site-headers.ts), so the page
 *    is cross-origin isolated, and WebAssembly gets several threads, on hosts that cannot send them.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
// Relative, not '@/': the worker is a separate build that does not know the app's aliases.
import { fitsRequest } from '../../lib/shell-fit';
import { withSiteHeaders } from '../../lib/site-headers';
import { isRuntimeFile, RUNTIME_CACHE, runtimeToKeep } from './runtime-files';

declare const self: ServiceWorkerGlobalScope;

/*
 * [1] Everything the worker answers comes from the precache (the navigation fallback too) or the
 *     runtime's cache ([5]), so one plugin on each covers the page, its scripts and the workers'
 *     scripts (ONNX Runtime's threads start from its .mjs): a dedicated worker of an
 *     isolated page must itself be served with COEP, or the browser refuses to start it. Requests it
 *     does not answer (models, another origin) go to the network untouched: same-origin ones need
 *     nothing under COEP, cross-origin ones are CORS fetches that COEP lets through. The demo's
 *     checkpoint hats read model.safetensors with Range requests: the range plugin answers them
 *     from the precache with 206 and the bytes asked for, as the site's server would.
 * [4] transformers.js asks for files a model may not have (generation_config.json, …) and takes a
 *     404 as "not there"; offline, a request passed on to the network fails instead, and the load
 *     with it.
 */
const siteHeaders: WorkboxPlugin = { handlerWillRespond: async ({ response }) => withSiteHeaders(response) };
/*
 * [3] The offline copy keeps only files that are what their names say (src/lib/shell-fit.ts): a
 *     host's start page answered for a script is refused, which fails this version's install (the
 *     browser tries again on a later visit) instead of keeping a broken app. A bad copy kept by an
 *     older version is dropped when met, and the file comes from the network. Precaching then does
 *     not add its own 200-only rule, so the status is checked here too.
 */
const fitCheck: WorkboxPlugin = {
  cacheWillUpdate: async ({ request, response }) => (fitsRequest(request.url, response) ? response : null),
  cachedResponseWillBeUsed: async ({ cacheName, request, cachedResponse }) => {
    if (!cachedResponse || fitsRequest(request.url, cachedResponse)) return cachedResponse;
    await (await caches.open(cacheName)).delete(request);
    return null;
  },
};
addPlugins([siteHeaders]);
addPlugins([fitCheck]);
// After the fit check, which wants the whole file: a Range request gets its bytes from it ([1]).
addPlugins([new RangeRequestsPlugin()]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// [4] The demo wardrobe is whole in the precache: a file it lacks does not exist, online or not.
const demoModels = new URL('demo-models/', self.registration.scope).pathname;
registerRoute(({ url }) => url.origin === self.location.origin && url.pathname.startsWith(demoModels), () => Promise.resolve(new Response('Not found', { status: 404 })));
/*
 * [5] ONNX Runtime's WebAssembly is not precached: the page says which build this device runs
 *     (src/app/offline/runtime-cache.ts) and that build alone is kept, cache-first; the other is
 *     never fetched. On a first visit the inference worker fetched it before this worker took
 *     over: the HTTP cache's copy answers (a 304 at most). What the inference worker fetches
 *     through here later is kept too.
 * [6] A request for it with cache mode `force-cache` is left to the browser: the inference worker
 *     asks the HTTP cache that way first, since V8 keeps the code it compiled beside that copy and
 *     not beside this one until a visit has compiled this one (src/worker/runtime-fetch.ts). When
 *     that fails (no copy there, the network cut) the worker asks again the ordinary way, and this
 *     copy answers.
 */
// Whatever a host's `Vary: Origin` says: a module import (the .mjs) carries an Origin, the kept copy was asked for without.
const runtime = new CacheFirst({ cacheName: RUNTIME_CACHE, plugins: [siteHeaders, fitCheck], matchOptions: { ignoreVary: true } });
// [6] The inference worker's first ask for the WebAssembly goes to the HTTP cache.
registerRoute(({ url, request }) => request.cache !== 'force-cache' && isRuntimeFile(url, self.registration.scope), runtime);

async function keepRuntime(urls: string[], event: ExtendableMessageEvent): Promise<void> {
  await Promise.all(urls.map((url) => Promise.all(runtime.handleAll({ request: new Request(url), event }))));
  // Only once this build is whole: offline, the other one stays until this one can be had.
  const cache = await caches.open(RUNTIME_CACHE);
  for (const request of await cache.keys()) if (!urls.includes(request.url)) await cache.delete(request);
}

// Relative to the worker, so the site works from any sub-path (base './').
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/\/models\//, /\/resolve\//, /\/api\//] }));

// A new version waits until the person agrees to reload (service-worker.ts, "Update").
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
  const keep = runtimeToKeep(event.data, self.registration.scope);
  // A build that cannot be had now (offline) is asked for again on the next visit.
  if (keep) event.waitUntil(keepRuntime(keep, event).catch(() => undefined));
});
// [2] The first version takes the open page at once: that is what lets the page reload into isolation.
clientsClaim();
