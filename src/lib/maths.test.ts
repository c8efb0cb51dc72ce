import { describe, expect, it } from 'vitest';
import { largestWithSumExp, softmax } from './maths';

describe('softmax', () => {
  it('takes a whole large vocabulary (more logits than a call has room for arguments)', () => {
    const logits = Float32Array.from({ length: 300_000 }, (_, i) => (i % 7) - 3);
    const p = softmax(logits);
    expect(p).toHaveLength(300_000);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe('largestWithSumExp', () => {
  it('is softmax’s denominator to eleven digits, also for logits spread far below the largest', () => {
    const logits = Float32Array.from({ length: 50_257 }, (_, i) => 25 * Math.sin(i * 12.9898) - 5 * Math.cos(i * 0.37));
    let max = -Infinity;
    for (const z of logits) max = Math.max(max, z);
    const exact = logits.reduce((sum, z) => sum + Math.exp(z - max), 0);
    const found = largestWithSumExp(logits, 10);
    expect(found.max).toBe(max);
    expect(found.sum / exact).toBeCloseTo(1, 11);
    expect(largestWithSumExp([0, -1, -60], 1).sum).toBeCloseTo(1 + Math.exp(-1), 11);
    // The largest coming last: everything summed before it is scaled down to it.
    expect(largestWithSumExp([-3, -2, -1, 5], 1).sum).toBeCloseTo(1 + Math.exp(-6) + Math.exp(-7) + Math.exp(-8), 11);
  });

  it('finds the n largest, largest first, the lower index first among equals, as a full sort does', () => {
    const logits = Float32Array.from({ length: 5_000 }, (_, i) => Math.round(10 * Math.sin(i * 7.13)));
    const sorted = Array.from(logits.keys()).sort((a, b) => logits[b]! - logits[a]! || a - b);
    for (const n of [1, 10, 37]) expect(largestWithSumExp(logits, n).ids).toEqual(sorted.slice(0, n));
    expect(largestWithSumExp([1, 3, 3, 0], 9).ids).toEqual([1, 2, 0, 3]);
    expect(largestWithSumExp([1, 3], 0).ids).toEqual([]);
  });
});
