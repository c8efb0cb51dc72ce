import type { Task } from '../types';
import { seeded, shuffled } from './random';

export interface Split {
  train: number[];
  heldOut: number[];
}

/**
 * Which examples train the head and which are kept out to measure it, decided by the seed.
 * [1] Classification splits label by label (stratified), so every label keeps at least one
 *     training example and the held-out share looks like the whole set.
 * [2] A share of 0 holds nothing out; otherwise at least one example per label (or two in all,
 *     for regression) stays in training.
 */
export function splitIndices(task: Task, targets: readonly number[], share: number, seed: number): Split {
  const random = seeded(seed);
  const groups = new Map<number, number[]>();
  targets.forEach((t, i) => {
    const key = task === 'classification' ? t : 0; // [1]
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const train: number[] = [];
  const heldOut: number[] = [];
  const keep = task === 'classification' ? 1 : 2;
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const members = shuffled(groups.get(key) ?? [], random);
    const n = share <= 0 ? 0 : Math.min(Math.max(0, members.length - keep), Math.round(share * members.length)); // [2]
    heldOut.push(...members.slice(0, n));
    train.push(...members.slice(n));
  }
  return { train: train.sort((a, b) => a - b), heldOut: heldOut.sort((a, b) => a - b) };
}
