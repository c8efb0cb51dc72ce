// The one place that says how this project starts Chromium, for Playwright's config and the benchmark.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS: string[] = [
  // Chromium refuses to start sandboxed as root (CI and these machines run as root).
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  // Keep the browser itself off the network: the loopback guard only sees page traffic.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** CHROMIUM_PATH, then Debian's, then '' for Playwright's own; undefined when there is none. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    if (existsSync(chromium.executablePath())) return '';
  } catch {
    // Playwright has no browser of its own installed.
  }
  return undefined;
}
