import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath, URL } from 'node:url';

// Cross-origin isolation lets ONNX Runtime use multi-threaded WASM (SharedArrayBuffer).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

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
 * The service worker keeps the app shell (HTML, JS, CSS and ONNX Runtime's .wasm/.mjs, which the
 * worker loads from this origin) so the page opens with the network cut. Models are never its
 * business: transformers.js keeps them in its own Cache API cache, and a model host, even one at
 * this site's own models/ path (a pack, see scripts/pack), is always left to the network.
 */
function offlineShell(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    // src/app/offline/service-worker.ts registers it and asks before an update reloads the page.
    injectRegister: false,
    registerType: 'prompt',
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{html,js,mjs,css,wasm,svg,png,ico,woff2}'],
      // A pack copied in from public/models must not be precached: hundreds of MB on every first visit.
      globIgnores: ['models/**', '**/*.onnx', '**/*.onnx_data', '**/*.safetensors'],
      // ONNX Runtime's WebAssembly is ~26 MB; workbox skips files over 2 MB by default.
      maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      // Relative to the service worker, so it works under any sub-path (base './').
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/models\//, /\/resolve\//, /\/api\//],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      runtimeCaching: [],
    },
  });
}

export default defineConfig({
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  plugins: [react(), tailwindcss(), notFoundForBinaries(), offlineShell()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
