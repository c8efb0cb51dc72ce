import { mirrorBodyFor } from './body-for';
import type { TrainedHead } from './types';

/*
 * Heads trained in this browser, kept so the mirror can wear them on the body they were trained on.
 * The custom-head hat adds one after each training; the newest few are kept (a head is small, but
 * localStorage is not a weight store).
 */

export const TRAINED_HEADS_KEY = 'hat-wardrobe:trained-heads';
const KEEP = 8;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStore(): Store | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

const isHead = (h: unknown): h is TrainedHead => {
  const x = h as Partial<TrainedHead> | null;
  return (
    typeof x === 'object' && x !== null && typeof x.name === 'string' && typeof x.encoder === 'string' && typeof x.hiddenSize === 'number' &&
    (x.pooling === 'mean' || x.pooling === 'cls') && Array.isArray(x.layers) && Array.isArray(x.labels) &&
    x.layers.every((l) => Array.isArray(l.weight) && l.weight.length === l.inSize * l.outSize && Array.isArray(l.bias) && l.bias.length === l.outSize)
  );
};

/** Every head kept in this browser, newest first; anything unreadable is skipped. */
export function trainedHeads(store: Store | undefined = defaultStore()): TrainedHead[] {
  try {
    const raw = JSON.parse(store?.getItem(TRAINED_HEADS_KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter(isHead) : [];
  } catch {
    return [];
  }
}

/** The heads trained on this body: on the checkpoint itself, or on an ONNX export made from it. */
export function headsFor(model: string, store?: Store): TrainedHead[] {
  return trainedHeads(store).filter((h) => h.encoder === model || mirrorBodyFor(h.encoder, 'bert') === model);
}

/** Keeps a newly trained head (a head with the same name on the same body is replaced). */
export function rememberHead(head: TrainedHead, store: Store | undefined = defaultStore()): void {
  const kept = trainedHeads(store).filter((h) => !(h.encoder === head.encoder && h.name === head.name));
  try {
    store?.setItem(TRAINED_HEADS_KEY, JSON.stringify([head, ...kept].slice(0, KEEP)));
  } catch {
    // A full or refused storage only means the mirror will not see this head.
  }
}
