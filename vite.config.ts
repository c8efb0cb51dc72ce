import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
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

export default defineConfig({
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  plugins: [react(), tailwindcss(), notFoundForBinaries()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
