import { describe, expect, it } from 'vitest';
import { stepPatch } from './patch-steps';

// A 4 × 4 grid with patches 1, 12, 14 and 15 read (the MAE fixture's seed-1 mask).
const seen = [1, 12, 14, 15];

describe('moving over the read patches by keyboard', () => {
  it('skips the patches the attention never read, and stays within a row for left and right', () => {
    expect(stepPatch(seen, 4, 12, 'ArrowRight')).toBe(14);
    expect(stepPatch(seen, 4, 14, 'ArrowLeft')).toBe(12);
    expect(stepPatch(seen, 4, 1, 'ArrowRight')).toBeNull();
    expect(stepPatch(seen, 4, 12, 'ArrowLeft')).toBeNull();
  });

  it('goes up and down to the nearest row with a read patch, at the closest column; Home and End go to the first and last', () => {
    expect(stepPatch([1, 5, 13], 4, 1, 'ArrowDown')).toBe(5);
    expect(stepPatch([1, 5, 13], 4, 13, 'ArrowUp')).toBe(5);
    expect(stepPatch(seen, 4, 1, 'ArrowDown')).toBe(12);
    expect(stepPatch(seen, 4, 15, 'ArrowUp')).toBe(1);
    expect(stepPatch(seen, 4, 14, 'ArrowDown')).toBeNull();
    expect(stepPatch(seen, 4, 14, 'Home')).toBe(1);
    expect(stepPatch(seen, 4, 1, 'End')).toBe(15);
    expect(stepPatch(seen, 4, 1, 'Enter')).toBeNull();
  });
});
