import { keptCount } from '@/lib/onnx/vit-mae/config';
import { mulberry32 } from '../../lib/random';

/** Which patches the encoder sees, in its order, and how to put every patch back (HF random_masking). */
export interface MaskPlan {
  /** Kept patch indices, in the order the encoder reads them (ids_shuffle[:len_keep]). */
  idsKeep: number[];
  /** ids_restore[i] = where patch i sits in the shuffled order. */
  idsRestore: number[];
  /** Hidden patch indices, ascending. */
  hidden: number[];
}

/** The seeded generator (mulberry32) shared with the rest of the app. */
export const seededUniform = mulberry32;

function planFrom(shuffle: number[], kept: number): MaskPlan {
  const idsRestore = new Array<number>(shuffle.length);
  shuffle.forEach((patch, position) => (idsRestore[patch] = position));
  return { idsKeep: shuffle.slice(0, kept), idsRestore, hidden: shuffle.slice(kept).sort((a, b) => a - b) };
}

/*
 * [1] MAE's random masking: draw one uniform number per patch ("noise"), sort the patches by it
 *     (ids_shuffle = argsort(noise)), keep the first len_keep = int(N · (1 − ratio)), hide the rest.
 *     ids_restore = argsort(ids_shuffle) undoes the shuffle in the decoder. The noise here comes
 *     from a seeded generator, so one seed always hides the same patches.
 */
export function randomMask(patches: number, ratio: number, seed: number): MaskPlan & { noise: number[] } {
  const next = seededUniform(seed);
  const noise = Array.from({ length: patches }, () => next());
  const shuffle = Array.from({ length: patches }, (_, i) => i).sort((a, b) => noise[a]! - noise[b]! || a - b);
  return { ...planFrom(shuffle, keptCount(patches, ratio)), noise };
}

/** A mask chosen patch by patch: kept patches first (ascending), then the hidden ones. */
export function explicitMask(patches: number, hidden: readonly number[]): MaskPlan {
  const set = new Set(hidden.filter((i) => i >= 0 && i < patches));
  const kept = Array.from({ length: patches }, (_, i) => i).filter((i) => !set.has(i));
  return planFrom([...kept, ...[...set].sort((a, b) => a - b)], kept.length);
}

/** Compact text for a set of patch indices: ascending runs, e.g. "0-3,7,9-10". */
export function formatPatches(indices: readonly number[]): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(',');
}

/** Reads formatPatches' text back; undefined when it is not that form or an index exceeds `max`. */
export function parsePatches(text: string, max: number): number[] | undefined {
  if (text === '') return [];
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part.trim());
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b > max) return undefined;
    for (let i = a; i <= b; i++) out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}
