import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { listCachedModels, type CachedModel } from '@/lib/model-cache';
import type { Isolation } from './isolation';
import { isolationStatus, shellStatus, subscribeShell, type ShellStatus } from './service-worker';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** The browser's own view of the connection (navigator.onLine and its events). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

export function useShell(): ShellStatus {
  return useSyncExternalStore(subscribeShell, shellStatus, shellStatus);
}

/** Who made this page cross-origin isolated, if anyone (isolation.ts). */
export function useIsolation(): Isolation {
  return useSyncExternalStore(subscribeShell, isolationStatus, isolationStatus);
}

/**
 * The models in this browser's cache, read again whenever `refreshKey` changes (a model finished
 * loading, the connection changed, the panel opened).
 */
export function useCachedModels(refreshKey: string): { models: CachedModel[] | undefined; error: string } {
  const [models, setModels] = useState<CachedModel[] | undefined>();
  const [error, setError] = useState('');
  const read = useCallback(() => {
    let live = true;
    listCachedModels().then(
      (m) => live && (setModels(m), setError('')),
      (e: unknown) => live && setError(`The browser would not list its cache: ${String(e)}`),
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(read, [read, refreshKey]);
  return { models, error };
}
