import type { LossPoint } from '../types';

/*
 * Watches the held-out loss while a head trains. The held-out examples are never trained on, so their
 * loss is the honest one: once it stops falling while the training loss keeps falling, the head is
 * learning its examples by heart (overfitting). The epoch with the lowest held-out loss is the one to
 * keep; after `patience` epochs without a new lowest, more epochs are not worth running.
 */

/** Epochs without a new lowest held-out loss before training stops. */
export const PATIENCE = 20;

export class HeldOutWatch {
  /** The epoch with the lowest held-out loss so far, and that loss. */
  best: { epoch: number; loss: number } | null = null;
  private last = 0;

  constructor(readonly patience: number = PATIENCE) {}

  /** Takes one epoch's losses; true when it is the best so far (its weights are the ones to keep). */
  observe(point: LossPoint): boolean {
    this.last = point.epoch;
    if (point.heldOut === null || !Number.isFinite(point.heldOut)) return false;
    if (this.best && point.heldOut >= this.best.loss) return false;
    this.best = { epoch: point.epoch, loss: point.heldOut };
    return true;
  }

  /** True once the held-out loss has gone `patience` epochs without a new lowest. */
  get overfitting(): boolean {
    return this.best !== null && this.last - this.best.epoch >= this.patience;
  }
}

/** Replays a loss curve through the watch: where it was best and whether (and when) it stopped. */
export function watchCurve(history: readonly LossPoint[], patience: number = PATIENCE): { bestEpoch: number | null; stopAt: number | null } {
  const watch = new HeldOutWatch(patience);
  for (const p of history) {
    watch.observe(p);
    if (watch.overfitting) return { bestEpoch: watch.best?.epoch ?? null, stopAt: p.epoch };
  }
  return { bestEpoch: watch.best?.epoch ?? null, stopAt: null };
}
