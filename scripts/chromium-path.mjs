// Where the tests and the benchmark find a Chromium: CHROMIUM_PATH, then Debian's, then Playwright's own.
// Returns '' when Playwright's own browser should be used, undefined when there is none.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    if (existsSync(chromium.executablePath())) return '';
  } catch {
    // Playwright has no browser of its own installed.
  }
  return undefined;
}
