import { defineConfig } from 'vite';
import { fileURLToPath, URL } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  preview: { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: fileURLToPath(new URL('../../../bench-results/bare', import.meta.url)), emptyOutDir: true },
});
