/**
 * Registers the service worker that keeps the app shell for offline use (built by vite-plugin-pwa,
 * see vite.config.ts) and tells the page how far it got. Models are not its business: they stay in
 * transformers.js' own cache (src/lib/model-cache.ts).
 */
import { Workbox } from 'workbox-window';

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

function set(next: ShellStatus): void {
  status = next;
  for (const l of listeners) l();
}

export function shellStatus(): ShellStatus {
  return status;
}

export function subscribeShell(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called once from main.tsx. */
export function registerOfflineShell(): void {
  if (!import.meta.env.PROD) return;
  if (!('serviceWorker' in navigator)) {
    set({ state: 'unsupported' });
    return;
  }
  // [1] Relative to the page's base, so the app works from any sub-path; the worker's scope is
  //     then that folder, and the model host (another origin, or <base>/models/) is never routed.
  workbox = new Workbox(new URL('sw.js', document.baseURI).href);
  workbox.addEventListener('waiting', () => set({ state: 'update' }));
  workbox.register().catch((error: unknown) => set({ state: 'error', detail: error instanceof Error ? error.message : String(error) }));
  void navigator.serviceWorker.ready.then(() => {
    if (status.state === 'installing') set({ state: 'ready' });
  });
}

/** Activates the waiting version and reloads into it (the person pressed "Update"). */
export function applyShellUpdate(): void {
  if (!workbox) return;
  workbox.addEventListener('controlling', () => location.reload());
  workbox.messageSkipWaiting();
}
