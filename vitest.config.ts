import { defineConfig } from 'vitest/config';
import { realpathSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { graphBuildersHash } from './scripts/graph-builders';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  define: { __GRAPH_BUILDERS__: JSON.stringify(graphBuildersHash(root)) },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // A git worktree links node_modules from the main checkout: the page's `?url` imports of ONNX
  // Runtime's files (src/lib/ort-build.ts) must be allowed from wherever node_modules really is.
  server: { fs: { allow: [root, realpathSync(`${root}node_modules`)] } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'fixtures/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 60_000,
  },
});
