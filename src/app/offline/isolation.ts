/**
 * Cross-origin isolation: who gave it to this page, and the one reload that turns it on where the
 * host sends no COOP/COEP and the app's service worker adds them (src/app/offline/sw.ts).
 *
 * [1] A page's isolation is fixed when its document arrives. On the first visit to such a host the
 *     document comes from the network without the headers; once the service worker controls the page,
 *     a reload fetches the document through it, with them. The reload happens at most once per tab
 *     and attempt: a flag in sessionStorage is set before it and cleared only by an isolated page, so
 *     a browser that will not isolate (or a worker that cannot) costs one reload, never a loop.
 */
import { ADDED_HEADERS, isolatedByWorker } from '@/lib/site-headers';

export type Isolation =
  | { state: 'host' }
  | { state: 'service-worker' }
  /** Not yet: the service worker is being installed, and the page will reload once into isolation. */
  | { state: 'pending' }
  | { state: 'none'; why: 'no-service-worker' | 'framed' | 'refused' | 'no-headers' | 'error'; detail?: string };

export function isolationText(i: Isolation): string {
  const threads = 'WebAssembly may use several threads.';
  switch (i.state) {
    case 'host':
      return `This page is isolated by the host (it sends COOP/COEP headers): ${threads}`;
    case 'service-worker':
      return `This page is isolated by this site's service worker (the host sends no COOP/COEP headers, so the worker adds them): ${threads}`;
    case 'pending':
      return 'This page is not isolated: one thread for now. It reloads once, as soon as the app is saved, to use several.';
    case 'none': {
      const why = {
        'no-service-worker': 'the host sends no COOP/COEP headers, and this browser offers no service worker to add them, as in some private windows',
        framed: 'the page is shown inside another page; open it at its own address for several threads',
        refused: 'the service worker added COOP/COEP, but the browser did not isolate the page',
        'no-headers': 'the host sends no COOP/COEP headers, and the service worker in charge does not add them; an update of the app may be waiting',
        error: `the service worker could not start${i.detail ? ` (${i.detail})` : ''}`,
      }[i.why];
      return `This page is not isolated: one thread (${why}).`;
    }
  }
}

/** What the page knows when it decides. */
export interface Situation {
  isolated: boolean;
  framed: boolean;
  /** The document a reload would get comes with COOP/COEP added by the service worker. */
  workerAdds: boolean;
  /** A reload for isolation already happened in this tab, and did not isolate. */
  tried: boolean;
}

/** [1] Reload, or say why not. Only for a page the service worker controls. */
export function decide(s: Situation): 'reload' | Isolation {
  if (s.isolated) return { state: s.workerAdds ? 'service-worker' : 'host' };
  if (s.framed) return { state: 'none', why: 'framed' };
  if (!s.workerAdds) return { state: 'none', why: 'no-headers' };
  if (s.tried) return { state: 'none', why: 'refused' };
  return 'reload';
}

/** Whether the service worker would add the isolating headers to this app's page. */
export async function workerAddsHeaders(pageBase: string): Promise<boolean> {
  // [2] index.html is what the worker serves for every navigation: its headers are the page's.
  const res = await fetch(new URL('index.html', pageBase), { cache: 'no-store' });
  await res.body?.cancel();
  return isolatedByWorker(res.headers.get(ADDED_HEADERS));
}

const FLAG = 'hat-wardrobe:isolation-reload';

/** The reload flag in sessionStorage; a storage that throws counts as "tried", so no reload. */
export const reloadFlag = {
  tried(storage: Pick<Storage, 'getItem'> = sessionStorage): boolean {
    try {
      return storage.getItem(FLAG) !== null;
    } catch {
      return true;
    }
  },
  set(storage: Pick<Storage, 'setItem'> = sessionStorage): boolean {
    try {
      storage.setItem(FLAG, '1');
      return true;
    } catch {
      return false;
    }
  },
  clear(storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
    try {
      storage.removeItem(FLAG);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
