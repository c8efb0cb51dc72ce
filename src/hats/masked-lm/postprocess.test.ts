import { describe, expect, it } from 'vitest';
import { countMasks, displayToken, fillMask, normalizeMasks, predictMasks } from './postprocess';

describe('predictMasks', () => {
  it('gives each mask position its own top-k from its own logits row', () => {
    const vocab = ['[CLS]', '[SEP]', '[MASK]', 'cat', 'dog', 'meow'];
    const ids = [0, 2, 5, 2, 1];
    const logits = new Float32Array(ids.length * vocab.length);
    logits[1 * 6 + 3] = 5; // position 1 → "cat"
    logits[3 * 6 + 4] = 5; // position 3 → "dog"
    logits[3 * 6 + 3] = 4;
    const out = predictMasks(logits, ids, 2, vocab, 2);
    expect(out.map((m) => m.position)).toEqual([1, 3]);
    expect(out[0]!.predictions[0]!.token).toBe('cat');
    expect(out[1]!.predictions.map((p) => p.token)).toEqual(['dog', 'cat']);
    const total = out[1]!.predictions.reduce((s, p) => s + p.score, 0);
    expect(total).toBeLessThan(1);
    expect(out[1]!.predictions[0]!.score).toBeGreaterThan(out[1]!.predictions[1]!.score);
  });
});

describe('mask text helpers', () => {
  it('counts and converts the other convention of mask token', () => {
    expect(countMasks('a [MASK] b <mask>', '<mask>')).toBe(2);
    expect(normalizeMasks('a [MASK] b', '<mask>')).toBe('a <mask> b');
  });

  it('fills the n-th mask, gluing word pieces and stripping BPE markers', () => {
    expect(fillMask('the [MASK] sat on the [MASK].', '[MASK]', 1, 'mat')).toBe('the [MASK] sat on the mat.');
    expect(fillMask('the cat [MASK]', '[MASK]', 0, '##s')).toBe('the cats');
    expect(fillMask('the <mask> sat', '<mask>', 0, 'Ġcat')).toBe('the cat sat');
    expect(fillMask('no mask', '[MASK]', 0, 'x')).toBe('no mask');
    expect(displayToken('▁chat')).toEqual({ text: 'chat', attach: false });
  });
});
