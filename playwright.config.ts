import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/chromium';

/**
 * e2e: Debian's Chromium (or Playwright's own when CHROMIUM_PATH is empty),
 * the app built under a sub-path, models from the local test hub.
 * Run through `npm run test:e2e` (scripts/e2e.mjs), which picks the browser
 * and builds fixtures first.
 */

const CI = !!process.env.CI;
// Ports can be moved (E2E_HUB_PORT, E2E_APP_PORT) so two runs on one machine do not share servers.
const HUB_PORT = Number(process.env.E2E_HUB_PORT ?? 7071);
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 4173);
const OUT_DIR = process.env.E2E_APP_PORT ? `dist-e2e-${APP_PORT}` : 'dist';
const BASE_PATH = '/hat-wardrobe/';
const HUB_URL = `http://127.0.0.1:${HUB_PORT}`;
// Where the build says it is published (VITE_PUBLIC_URL): links to 127.0.0.1 offer it instead (e2e/classroom.spec.ts).
const PUBLIC_URL = 'https://hat-wardrobe.example/';


const launchOptions = (extra: string[] = []) => ({
  executablePath: process.env.CHROMIUM_PATH || undefined,
  args: [...CHROMIUM_ARGS, ...extra],
});

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  testIgnore: 'support/**',
  outputDir: process.env.E2E_APP_PORT ? `test-results-${APP_PORT}` : 'test-results',
  // Two cores: the app server, the hub and WASM inference already compete for them.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}${BASE_PATH}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The app's service worker precaches the whole shell (~43 MB) in every fresh context; only the
    // specs about service workers (offline, loopback guard) allow them.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'wasm',
      testIgnore: ['support/**', '**/*.webgpu.spec.ts'],
      use: { launchOptions: launchOptions() },
    },
    {
      name: 'webgpu',
      testMatch: '**/*.webgpu.spec.ts',
      // Verified on Chromium 156 headless: this flag alone gives a SwiftShader
      // adapter (isFallbackAdapter, no shader-f16) in pages and workers; without
      // it requestAdapter() resolves null. Vulkan / ANGLE flags change nothing.
      use: { launchOptions: launchOptions(['--enable-unsafe-webgpu', '--disable-features=LocalNetworkAccessChecks']) },
    },
  ],
  webServer: [
    {
      command: `npx tsx scripts/test-hub/serve.ts --port ${HUB_PORT} --root fixtures/models`,
      url: `${HUB_URL}/__health`,
      reuseExistingServer: !CI,
      timeout: 30_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command:
        // The production build (relative base) served under a sub-path, as a static host would.
        `npx vite build --outDir ${OUT_DIR} --emptyOutDir && ` +
        `npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${APP_PORT} --strictPort --base ${BASE_PATH}`,
      url: `http://127.0.0.1:${APP_PORT}${BASE_PATH}`,
      env: { VITE_MODEL_HOST: HUB_URL, VITE_PUBLIC_URL: PUBLIC_URL, CSP_REPORT_URI: `${HUB_URL}/__csp-report` },
      reuseExistingServer: !CI,
      timeout: 240_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
