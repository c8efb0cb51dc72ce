import { useSyncExternalStore } from 'react';
import type { Dtype } from '@/engine/protocol';
import type { CuratedModel } from '@/hats/types';

const QUERY = '(max-width: 640px)';

function subscribe(onChange: () => void): () => void {
  const mq = matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** A phone-sized screen: the hat's input goes on the first screen, its introduction one click away. */
export function usePhoneScreen(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(QUERY).matches, () => false);
}

/** A phone-sized screen, or a device that reports 2 GB of memory or less (Chromium's navigator.deviceMemory). */
export function useSmallDevice(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => {
      const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
      return matchMedia(QUERY).matches || (memory !== undefined && memory <= 2);
    },
    () => false,
  );
}

/** The download a model needs with `dtype` ('auto' reads as q8, the WASM default), or its smallest one. */
export function modelSize(model: CuratedModel, dtype: Dtype | 'auto'): number | undefined {
  const wanted = model.sizes[dtype === 'auto' ? 'q8' : dtype];
  if (wanted) return wanted;
  const all = Object.values(model.sizes).filter((n): n is number => typeof n === 'number' && n > 0);
  return all.length > 0 ? Math.min(...all) : undefined;
}

/** Smallest download first; models with no known size go last, in their own order. */
export function smallestFirst(models: CuratedModel[], dtype: Dtype | 'auto'): CuratedModel[] {
  return models
    .map((m, i) => ({ m, i, size: modelSize(m, dtype) ?? Infinity }))
    .sort((a, b) => a.size - b.size || a.i - b.i)
    .map(({ m }) => m);
}
