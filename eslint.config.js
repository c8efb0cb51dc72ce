import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import playwright from 'eslint-plugin-playwright';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ROOT = import.meta.dirname;

/*
 * The main thread never loads the model runtimes (DESIGN.md §1): only the worker (src/worker/**) and
 * hat adapters (src/hats/<id>/adapter.ts) may, plus tests and the fixture builders that run in Node.
 */
const runtimes = {
  // A `?url` import of ONNX Runtime's WebAssembly is only its address (src/lib/ort-build.ts): it loads nothing.
  regex: String.raw`^(@huggingface/transformers|onnxruntime-web)(/(?!ort-wasm-[^/]*\.(wasm|mjs)\?url$).*)?$`,
  message: 'Only the worker (src/worker/**) and hat adapters (src/hats/*/adapter.ts) may import transformers.js or ONNX Runtime (DESIGN.md §1).',
};

/*
 * Folder-keyed boundaries (docs/DESIGN.md §6). Every hat folder gets its own zone, read from disk, so a
 * new hat is covered without touching this file.
 */
const hatIds = readdirSync(`${ROOT}/src/hats`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const zones = [
  { target: './src/hats', from: './src/app', message: 'A hat never reaches into the shell: it gets what it needs as props.' },
  // Per hat folder (the files beside them in src/hats, such as tests over every hat, are not a hat).
  ...hatIds.flatMap((id) => [
    {
      target: `./src/hats/${id}`,
      from: './src/hats',
      except: [`./${id}`, './types.ts', './testing.ts'],
      message: 'A hat imports nothing from another hat, nor the registry: shared code moves to src/lib or src/components.',
    },
    { target: `./src/hats/${id}`, from: './src/worker', except: ['./sdk'], message: 'A hat imports the worker only through @/worker/sdk.' },
  ]),
  {
    target: './src/lib',
    from: ['./src/app', './src/engine', './src/worker', './src/hats', './src/components'],
    message: 'src/lib is the bottom layer: it imports nothing from the app, engine, worker, hats or components.',
  },
  { target: './src/engine', from: ['./src/worker', './src/app'], message: 'The engine (protocol and client) is shared by both ends: it imports neither the worker nor the app.' },
  { target: './src/components', from: './src/app', message: 'Components take props: they import nothing from the app.' },
  { target: './src/components/ui', from: './src/components', except: ['./ui'], message: 'components/ui holds the small building blocks: they import no bigger component.' },
  { target: './src/worker', from: ['./src/app', './src/components'], message: 'The worker imports no page code.' },
];


export default tseslint.config(
  { ignores: ['dist', 'dist-e2e-*', 'node_modules', 'fixtures/models', 'test-results', 'test-results-*', 'playwright-report', 'bench-results', 'bench-models'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'import-x': importX },
    settings: {
      // TypeScript files are parsed for the cycle check too (without these it silently skips them).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${ROOT}/tsconfig.app.json` })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [runtimes] }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // The worker side, and code that only runs in Node (tests, fixture builders, the ONNX graph builders they use).
    files: ['src/worker/**/*.ts', 'src/hats/*/adapter.ts', 'src/**/*.test.ts', 'src/hats/*/fixture.ts', 'src/lib/onnx/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
);
