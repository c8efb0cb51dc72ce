/**
 * Pure logic of the loopback guard (DESIGN.md §5: every e2e test fails if a
 * request leaves loopback). No Playwright imports, so it is unit-testable.
 */

/** Schemes that reach a network; data:, blob:, about:, chrome: … never do. */
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/** True when the URL stays on this machine (or is not a network URL at all). */
export function isLoopbackUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false; // unparseable: report it rather than guess
  }
  if (!NETWORK_SCHEMES.has(parsed.protocol)) return true;
  return isLoopbackHost(parsed.hostname);
}

/** `hostname` as `URL` gives it: lower case, IPv6 in brackets. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]' || host === '[::ffff:7f00:1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The URLs that left loopback, each once, in the order first seen. */
export function leakedUrls(urls: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const url of urls) if (!isLoopbackUrl(url)) out.add(url);
  return [...out];
}

/** The failure message the guard throws after a test. */
export function formatLeakMessage(leaks: readonly string[]): string {
  return [
    `${leaks.length} request(s) left loopback (only 127.0.0.1, localhost and [::1] are allowed; they were aborted):`,
    ...leaks.map((u) => `  - ${u}`),
  ].join('\n');
}
