import { describe, expect, it } from 'vitest';
import { describeBatch } from './postprocess';

const vocab = ['[PAD]', '[CLS]', '[SEP]', 'cat', 'sleeps', 'naps'];
const special = new Set([0, 1, 2]);

describe('describeBatch', () => {
  it('splits [batch, seq, hidden] into sentences, leaves padding out and compares the two', () => {
    // Sentence 1: [CLS] cat sleeps [SEP]; sentence 2: [CLS] naps [SEP] [PAD]. Hidden size 2.
    const data = Float32Array.from([
      [1, 0], [1, 1], [0, 1], [1, 0],
      [1, 0], [1, 2], [1, 0], [50, -50],
    ].flat());
    const out = describeBatch(data, [2, 4, 2], [
      { ids: [1, 3, 4, 2], mask: [1, 1, 1, 1], truncated: false },
      { ids: [1, 5, 2, 0], mask: [1, 1, 1, 0], truncated: true },
    ], vocab, special);
    expect(out.hiddenSize).toBe(2);
    expect(out.batchLength).toBe(4);
    const [a, b] = out.sentences;
    expect(a!.tokens).toEqual(['[CLS]', 'cat', 'sleeps', '[SEP]']);
    expect(b!.tokens).toEqual(['[CLS]', 'naps', '[SEP]']);
    expect(b!.special).toEqual([true, false, true]);
    expect(b!.hidden.rows).toBe(3);
    expect(b!.padding).toBe(1);
    expect(b!.truncated).toBe(true);
    expect(a!.mean).toEqual([0.75, 0.5]);
    expect(b!.mean).toEqual([1, 2 / 3]);
    expect(a!.cls).toEqual([1, 0]);
    expect(a!.similarity.rows).toBe(4);
    expect(a!.pca!.points).toHaveLength(4);
    expect(out.pair!.cls).toBeCloseTo(1, 6);
    const cos = (0.75 * 1 + 0.5 * (2 / 3)) / (Math.hypot(0.75, 0.5) * Math.hypot(1, 2 / 3));
    expect(out.pair!.mean).toBeCloseTo(cos, 6);
  });

  it('has no pair for a single sentence and rejects a shape that does not fit', () => {
    const one = describeBatch(Float32Array.from([1, 2, 3, 4]), [1, 2, 2], [{ ids: [1, 2], mask: [1, 1], truncated: false }], vocab, special);
    expect(one.pair).toBeUndefined();
    expect(() => describeBatch(new Float32Array(4), [2, 2], [], vocab, special)).toThrow(/shape/);
  });
});
