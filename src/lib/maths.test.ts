import { describe, expect, it } from 'vitest';
import { softmax } from './maths';

describe('softmax', () => {
  it('takes a whole large vocabulary (more logits than a call has room for arguments)', () => {
    const logits = Float32Array.from({ length: 300_000 }, (_, i) => (i % 7) - 3);
    const p = softmax(logits);
    expect(p).toHaveLength(300_000);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
