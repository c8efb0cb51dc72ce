import { describe, expect, it } from 'vitest';
import type { LossPoint } from '../types';
import { watchCurve } from './early-stop';

const curve = (heldOut: (number | null)[]): LossPoint[] => heldOut.map((h, i) => ({ epoch: i + 1, train: 1 / (i + 1), heldOut: h }));

describe('watchCurve', () => {
  it('stops once the held-out loss has not improved for the patience window, keeping the lowest epoch', () => {
    expect(watchCurve(curve([1, 0.8, 0.6, 0.7, 0.8, 0.9, 1]), 3)).toEqual({ bestEpoch: 3, stopAt: 6 });
  });

  it('counts the window from the newest lowest: a dip after a rise resets it', () => {
    expect(watchCurve(curve([1, 0.8, 0.9, 0.95, 0.5, 0.6, 0.7, 0.8]), 3)).toEqual({ bestEpoch: 5, stopAt: 8 });
  });

  it('treats an equal loss as no improvement', () => {
    expect(watchCurve(curve([0.5, 0.5, 0.5]), 2)).toEqual({ bestEpoch: 1, stopAt: 3 });
  });

  it('never stops while the held-out loss keeps falling', () => {
    expect(watchCurve(curve([1, 0.9, 0.8, 0.7, 0.6, 0.5]), 2)).toEqual({ bestEpoch: 6, stopAt: null });
  });

  it('runs to the end if the rise is shorter than the window', () => {
    expect(watchCurve(curve([1, 0.5, 0.6, 0.7]), 3)).toEqual({ bestEpoch: 2, stopAt: null });
  });

  it('does nothing without held-out examples, and ignores a loss that is not a number', () => {
    expect(watchCurve(curve([null, null, null]), 1)).toEqual({ bestEpoch: null, stopAt: null });
    expect(watchCurve(curve([1, NaN, 0.5]), 5)).toEqual({ bestEpoch: 3, stopAt: null });
  });
});
