import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import playwright from 'eslint-plugin-playwright';

const transformers = {
  name: '@huggingface/transformers',
  message: 'Only the worker (src/worker/**) and hat adapters (src/hats/*/adapter.ts) may import transformers.js (DESIGN.md §1).',
};
const ort = { name: 'onnxruntime-web', message: 'ONNX Runtime runs in the worker only.' };

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
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [transformers, ort] }],
    },
  },
  {
    // The worker side: the only place transformers.js is allowed.
    files: ['src/worker/**/*.ts', 'src/hats/*/adapter.ts', 'src/**/*.test.ts', 'src/hats/*/fixture.ts', 'src/lib/onnx/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/lib/**/*.ts', 'src/components/ui/**/*.tsx'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [transformers, ort],
          patterns: [{ group: ['@/app/*', '@/hats/*', '@/worker/*', '@/components/*', '!@/components/ui/*'], message: 'lib/ and components/ui/ import no app code.' }],
        },
      ],
    },
  },
  {
    files: ['src/hats/*/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [transformers, ort],
          patterns: [
            { group: ['@/app/*'], message: 'Hat UI files take props only: no store imports.' },
            { group: ['@/hats/*/*', '../*', '!@/hats/types', '!@/hats/testing'], message: 'A hat imports nothing from another hat.' },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
);
