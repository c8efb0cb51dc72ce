import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath, URL } from 'node:url';
import { contentSecurityPolicy, SITE_HEADERS, siteHeaderRecord } from './src/lib/site-headers.ts';

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
 * The app's own service worker (src/app/offline/sw.ts) keeps the app shell (HTML, JS, CSS and ONNX
 * Runtime's .wasm/.mjs, which the worker loads from this origin) so the page opens with the network
 * cut, and adds the site's headers where the host sends none. This lists what it precaches.
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
      globPatterns: ['**/*.{html,js,mjs,css,wasm,svg,png,ico,woff2}'],
      // A pack copied in from public/models must not be precached: hundreds of MB on every first visit.
      globIgnores: ['models/**', '**/*.onnx', '**/*.onnx_data', '**/*.safetensors'],
      // ONNX Runtime's WebAssembly is ~26 MB; workbox skips files over 2 MB by default.
      maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    },
  });
}

export default defineConfig({
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  plugins: [react(), tailwindcss(), notFoundForBinaries(), policyMeta(), offlineShell()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  server: { headers: devHeaders },
  preview: { headers: siteHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
