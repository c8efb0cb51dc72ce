import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { contentSecurityPolicy, SITE_HEADERS, siteHeaderRecord } from './src/lib/site-headers.ts';
import { graphBuildersHash } from './scripts/graph-builders.ts';

// The headers the app needs (cross-origin isolation lets ONNX Runtime use several WASM threads, the
// Content-Security-Policy keeps the page to its own code). The dev page runs Vite's inline scripts.
const siteHeaders = siteHeaderRecord();
// The e2e tests collect every violation the browser reports (the page's and its workers') at the test hub.
if (process.env.CSP_REPORT_URI) siteHeaders['Content-Security-Policy'] += `; report-uri ${process.env.CSP_REPORT_URI}`;
const devHeaders = siteHeaderRecord(SITE_HEADERS.filter((h) => h.dev !== false));

/** The Content-Security-Policy as a meta tag in the built page, for hosts that send no headers. */
function policyMeta(): Plugin {
  return {
    name: 'hat-wardrobe:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ meta: true }) }, injectTo: 'head-prepend' },
    ],
  };
}

// Vite's SPA fallback answers any unknown path with index.html and status 200.
// For model and wasm files that turns a clean 404 into "protobuf parsing failed",
// so binary-looking paths that reach the fallback get a real 404 instead.
function notFoundForBinaries(): Plugin {
  const binary = /\.(onnx|onnx_data|wasm|safetensors|bin)(\?|$)|\/resolve\/[^/]+\//;
  const handler = (req: { url?: string }, res: { statusCode: number; end: (body: string) => void }, next: () => void) => {
    if (req.url && binary.test(req.url)) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    next();
  };
  return {
    name: 'hat-wardrobe:404-for-binaries',
    configureServer(server) {
      return () => server.middlewares.use(handler);
    },
    configurePreviewServer(server) {
      return () => server.middlewares.use(handler);
    },
  };
}

/*
 * The demo wardrobe (`host=demo`): the hats' tiny fixture models with hand-set weights, built by
 * scripts/fixtures/demo.ts into public/demo-models/ before each build or dev server, so they ship
 * with the site (about 2.3 MB) and are served from its own origin.
 * [1] Before Vite's own middlewares: its SPA fallback would answer first.
 */
function demoWardrobe(): Plugin {
  let built = false;
  // [1] A file the demo lacks (transformers.js asks for every dtype) must be a 404, not the SPA's page.
  const missingIs404 = (root: string, base: string) => (req: { url?: string }, res: { statusCode: number; end: (body: string) => void }, next: () => void) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const at = path.indexOf('/demo-models/');
    if (at >= 0 && path.startsWith(base) && !existsSync(join(root, path.slice(at)))) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    next();
  };
  return {
    name: 'hat-wardrobe:demo-wardrobe',
    configureServer(server) {
      server.middlewares.use(missingIs404(server.config.publicDir, server.config.base));
    },
    configurePreviewServer(server) {
      server.middlewares.use(missingIs404(resolve(server.config.root, server.config.build.outDir), server.config.base));
    },
    buildStart() {
      if (built) return;
      built = true;
      const script = fileURLToPath(new URL('./scripts/fixtures/demo.ts', import.meta.url));
      const r = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
      if (r.status !== 0) this.error(`scripts/fixtures/demo.ts failed (exit ${r.status ?? r.signal}): the demo wardrobe was not built`);
    },
  };
}

/*
 * The app's own service worker (src/app/offline/sw.ts) keeps the app shell (HTML, JS, CSS; ONNX
 * Runtime's .wasm/.mjs apart, one build per device, on the page's word) so the page opens with the
 * network cut, and adds the site's headers where the host sends none. This lists what it precaches.
 */
function offlineShell(): Plugin[] {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/app/offline',
    filename: 'sw.ts',
    // src/app/offline/service-worker.ts registers it and asks before an update reloads the page.
    injectRegister: false,
    registerType: 'prompt',
    manifest: false,
    injectManifest: {
      // A classic script, not a module: module service workers are newer than the rest of what the app needs.
      rollupFormat: 'iife',
      // The demo wardrobe is part of the app (2.3 MB): kept with it, so it answers offline after one visit.
      globPatterns: ['**/*.{html,js,mjs,css,wasm,svg,png,ico,woff2}', 'demo-models/**/*'],
      // A pack copied in from public/models must not be precached: hundreds of MB on every first visit.
      // Nor ONNX Runtime's two WebAssembly builds (14 and 27 MB): a device runs one, which the page
      // names and the worker keeps (src/app/offline/runtime-files.ts matches the same files).
      globIgnores: ['models/**', '**/ort-wasm-simd-threaded*'],
      // Workbox leaves out files over 2 MB with only a warning: room for a bigger demo model.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    },
  });
}

export default defineConfig({
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  // Names the graph builders a kept checkpoint graph was made by (scripts/graph-builders.ts).
  define: { __GRAPH_BUILDERS__: JSON.stringify(graphBuildersHash(fileURLToPath(new URL('.', import.meta.url)))) },
  plugins: [react(), tailwindcss(), notFoundForBinaries(), policyMeta(), demoWardrobe(), offlineShell()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  server: { headers: devHeaders },
  // No CORS on the preview, as on a static host: its `Vary: Origin` made the service worker download
  // again every script the page had fetched (the page's module requests carry an Origin, its own do not).
  preview: { headers: siteHeaders, cors: false },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
