import { describe, expect, it } from 'vitest';
import { nspVerdict } from './verdict';
import { nspCodec, RANDOM_SENTENCES, shuffledSentence } from './params';

describe('nspVerdict', () => {
  it('reads index 0 as IsNext and index 1 as NotNext', () => {
    const v = nspVerdict([Math.log(9), 0]);
    expect(v.label).toBe('IsNext');
    expect(v.isNext).toBeCloseTo(0.9, 12);
    expect(v.notNext).toBeCloseTo(0.1, 12);
    expect(nspVerdict([0, 3]).label).toBe('NotNext');
  });

  it('is the sigmoid of the difference of the two scores', () => {
    const v = nspVerdict([1.5, -0.7]);
    expect(v.isNext).toBeCloseTo(1 / (1 + Math.exp(-0.7 - 1.5)), 12);
    expect(v.isNext + v.notNext).toBeCloseTo(1, 12);
    expect(v.logits).toEqual([1.5, -0.7]);
  });

  it('stays finite for huge scores and refuses the wrong shape', () => {
    expect(nspVerdict([1000, -1000]).isNext).toBe(1);
    expect(() => nspVerdict([1, 2, 3])).toThrow(/2 scores/);
  });
});

describe('next-sentence params', () => {
  it('round-trips both sentences and writes only what changed', () => {
    const p = { sentence_a: 'the cat is hungry .', sentence_b: 'the stock market fell today .' };
    expect(nspCodec.parse(new URLSearchParams(nspCodec.serialize(p))).params).toEqual(p);
    expect(nspCodec.serialize({ ...nspCodec.defaults, sentence_b: '' })).toEqual([['sentence_b', '']]);
    expect(nspCodec.parse(new URLSearchParams('sentence_b=')).params.sentence_b).toBe('');
  });

  it('shuffles B to another sentence from the list', () => {
    const first = RANDOM_SENTENCES[0]!;
    expect(shuffledSentence(first, () => 0)).toBe(RANDOM_SENTENCES[1]);
    expect(RANDOM_SENTENCES).toContain(shuffledSentence('anything', () => 0.999));
  });
});
