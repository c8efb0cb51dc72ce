/**
 * Registers the service worker (src/app/offline/sw.ts) that keeps the app shell for offline use and
 * adds the headers that isolate the page, and tells the page how far it got on both. Models are not
 * its business: they stay in transformers.js' own cache (src/lib/model-cache.ts).
 */
import { Workbox } from 'workbox-window';
import { decide, reloadFlag, workerAddsHeaders, type Isolation } from './isolation';
import { keepRuntime } from './runtime-cache';

export type ShellState =
  /** Development server: no service worker, so edits show at once. */
  | 'off'
  | 'unsupported'
  | 'installing'
  /** Active: every file of the app is stored and the page opens without a connection. */
  | 'ready'
  /** A newer version is stored and waits for a reload the person agrees to. */
  | 'update'
  | 'error';

export interface ShellStatus {
  state: ShellState;
  detail?: string;
}

type Listener = () => void;

let status: ShellStatus = { state: import.meta.env.PROD ? 'installing' : 'off' };
const listeners = new Set<Listener>();
let workbox: Workbox | undefined;
// Until the service worker answers, an isolated page is taken to be the host's doing.
let isolation: Isolation = self.crossOriginIsolated ? { state: 'host' } : { state: 'none', why: 'no-service-worker' };

function set(next: ShellStatus): void {
  status = next;
  for (const l of listeners) l();
}

function setIsolation(next: Isolation): void {
  isolation = next;
  for (const l of listeners) l();
}

export function isolationStatus(): Isolation {
  return isolation;
}

export function shellStatus(): ShellStatus {
  return status;
}

export function subscribeShell(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Called once from main.tsx. `beforeReload` runs before the one reload into isolation, to put
 * whatever the page holds (the share link's state) where the reloaded page finds it.
 */
export function registerOfflineShell({ beforeReload }: { beforeReload?: () => void } = {}): void {
  if (!import.meta.env.PROD) return;
  if (!('serviceWorker' in navigator)) {
    set({ state: 'unsupported' });
    return;
  }
  // [1] Relative to the page's base, so the app works from any sub-path; the worker's scope is
  //     then that folder, and the model host (another origin, or <base>/models/) is never routed.
  workbox = new Workbox(new URL('sw.js', document.baseURI).href);
  workbox.addEventListener('waiting', () => set({ state: 'update' }));
  workbox.register().catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    set({ state: 'error', detail });
    if (isolation.state === 'pending') setIsolation({ state: 'none', why: 'error', detail });
  });
  void navigator.serviceWorker.ready.then((registration) => {
    if (status.state === 'installing') set({ state: 'ready' });
    // ONNX Runtime is kept apart from the shell, in the one build this device runs.
    void keepRuntime(registration);
  });
  void settleIsolation(beforeReload);
}

/** Resolves once a service worker controls the page (at once, if one does). */
function controlled(): Promise<void> {
  return new Promise((resolve) => {
    if (navigator.serviceWorker.controller) return resolve();
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
}

/** Says who isolated the page, or reloads it once into isolation (isolation.ts [1]). */
async function settleIsolation(beforeReload?: () => void): Promise<void> {
  const isolated = self.crossOriginIsolated;
  const framed = window.top !== window.self;
  if (isolated) reloadFlag.clear();
  if (!navigator.serviceWorker.controller) {
    if (isolated) return setIsolation({ state: 'host' });
    if (framed) return setIsolation({ state: 'none', why: 'framed' });
    setIsolation({ state: 'pending' });
    await controlled();
  }
  const workerAdds = await workerAddsHeaders(document.baseURI).catch(() => false);
  const next = decide({ isolated, framed, workerAdds, tried: reloadFlag.tried() });
  if (next !== 'reload') return setIsolation(next);
  if (!reloadFlag.set()) return setIsolation({ state: 'none', why: 'refused' });
  beforeReload?.();
  location.reload();
}

/** Activates the waiting version and reloads into it (the person pressed "Update"). */
export function applyShellUpdate(): void {
  if (!workbox) return;
  workbox.addEventListener('controlling', () => location.reload());
  workbox.messageSkipWaiting();
}
