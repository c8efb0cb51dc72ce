import { encodeHeadLink } from '../head-codec';
import type { EpochHead, Head } from '../types';

/*
 * The head as it was after each epoch, so the page can show the head at any epoch (the epoch
 * scrubber) and the class can watch it learn, then overfit. A head is one or two small dense layers,
 * so keeping every epoch costs little: a linear head on a 384-number encoder with three labels is
 * about 2.3 KB at float16. A very long run keeps every k-th epoch so it never holds more than
 * `max` heads; the first epoch and every best-so-far epoch are always kept, so the scrubber can go
 * back to the very start and to the head training returned.
 */

/** At most this many heads per run (a 2000-epoch run keeps every 7th). */
export const MAX_SNAPSHOTS = 300;

export class EpochSnapshots {
  /** Every how many epochs a head is kept. */
  readonly every: number;
  private readonly kept = new Map<number, Head>();

  constructor(epochs: number, max: number = MAX_SNAPSHOTS) {
    this.every = Math.max(1, Math.ceil(epochs / max));
  }

  /** Keeps the head of this epoch if it is one to keep (`best`: the lowest held-out loss so far). */
  take(epoch: number, head: () => Head, best: boolean): void {
    if (best || epoch === 1 || epoch % this.every === 0) this.kept.set(epoch, head());
  }

  get size(): number {
    return this.kept.size;
  }

  /** The kept heads in epoch order, each in its link form (what the page wears). */
  links(): EpochHead[] {
    return [...this.kept.entries()].sort(([a], [b]) => a - b).map(([epoch, head]) => ({ epoch, head: encodeHeadLink(head) }));
  }
}
