import { describe, expect, it } from 'vitest';
import { softmax, sumExpBelow } from './maths';

describe('softmax', () => {
  it('takes a whole large vocabulary (more logits than a call has room for arguments)', () => {
    const logits = Float32Array.from({ length: 300_000 }, (_, i) => (i % 7) - 3);
    const p = softmax(logits);
    expect(p).toHaveLength(300_000);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe('sumExpBelow', () => {
  it('is softmax’s denominator to eleven digits, also for logits spread far below the largest', () => {
    const logits = Float32Array.from({ length: 50_257 }, (_, i) => 25 * Math.sin(i * 12.9898) - 5 * Math.cos(i * 0.37));
    let max = -Infinity;
    for (const z of logits) max = Math.max(max, z);
    const exact = logits.reduce((sum, z) => sum + Math.exp(z - max), 0);
    expect(sumExpBelow(logits, max) / exact).toBeCloseTo(1, 11);
    expect(sumExpBelow([0, -1, -60], 0)).toBeCloseTo(1 + Math.exp(-1), 11);
  });
});
