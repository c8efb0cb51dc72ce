/**
 * Who can open a link: a link to this computer (localhost) or to a private address works for no one
 * else, or only on the same local network, which a QR code on the classroom screen must say.
 */
import ipaddr from 'ipaddr.js';

export type Reach =
  | { kind: 'anywhere' }
  /** Loopback: only the computer showing the link. */
  | { kind: 'this-device'; host: string }
  /** A private, link-local or .local address: devices on the same network only. */
  | { kind: 'local-network'; host: string };

const THIS_DEVICE = new Set(['loopback', 'unspecified']);
const LOCAL_NETWORK = new Set(['private', 'linkLocal', 'uniqueLocal', 'carrierGradeNat']);

export function linkReach(link: string): Reach {
  let hostname: string;
  try {
    hostname = new URL(link).hostname;
  } catch {
    return { kind: 'anywhere' };
  }
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost')) return { kind: 'this-device', host };
  if (ipaddr.isValid(bare)) {
    // process(): an IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 one.
    const range = ipaddr.process(bare).range();
    if (THIS_DEVICE.has(range)) return { kind: 'this-device', host };
    if (LOCAL_NETWORK.has(range)) return { kind: 'local-network', host };
    return { kind: 'anywhere' };
  }
  // mDNS names (*.local) and single-label names only resolve on the network they are on.
  if (host.endsWith('.local') || !host.includes('.')) return { kind: 'local-network', host };
  return { kind: 'anywhere' };
}

/** What to tell the person about a link that not everyone can open; '' when anyone can. */
export function reachWarning(reach: Reach): string {
  switch (reach.kind) {
    case 'anywhere':
      return '';
    case 'this-device':
      return `This link points at ${reach.host}, this computer itself: phones and other computers cannot open it.`;
    case 'local-network':
      return `This link points at ${reach.host}, a private address: only devices on the same local network can open it.`;
  }
}

/**
 * The same link on the published site: what follows the app's folder (`appBase`, e.g.
 * http://127.0.0.1:4173/hat-wardrobe/) moved under `publicUrl` (e.g. https://you.github.io/hat-wardrobe/).
 * Undefined without a valid published address, for a link outside the app, or when it is the same link.
 */
export function publishedLink(link: string, appBase: string, publicUrl: string | undefined): string | undefined {
  if (!publicUrl || !link.startsWith(appBase)) return undefined;
  let base: URL;
  try {
    base = new URL(publicUrl);
  } catch {
    return undefined;
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return undefined;
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const out = new URL(link.slice(appBase.length), base).href;
  return out === link ? undefined : out;
}
