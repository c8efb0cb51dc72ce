import { describe, expect, it } from 'vitest';
import { pretrainingCodec as codec, type PretrainingParams } from './params';
import { countMasks, maskLastWord } from './masks';

const round = (p: PretrainingParams) => codec.parse(new URLSearchParams(codec.serialize(p))).params;

describe('pretraining params', () => {
  it('round-trips sentences, true tokens (one repeated `labels` per mask) and the true relation', () => {
    const p: PretrainingParams = { sentence_a: 'the cat says [MASK] .', sentence_b: 'the cat eats [MASK] .', labels: ['meow', ''], is_next: 'false' };
    expect(round(p)).toEqual({ ...p, labels: ['meow'] });
    const gap: PretrainingParams = { ...p, labels: ['', 'fish'] };
    expect(codec.serialize(gap).filter(([k]) => k === 'labels')).toEqual([['labels', ''], ['labels', 'fish']]);
    expect(round(gap)).toEqual(gap);
  });

  it('writes nothing for the defaults, and keeps "no labels" apart from the default labels', () => {
    expect(codec.serialize(codec.defaults)).toEqual([]);
    expect(codec.parse(new URLSearchParams('')).params).toEqual(codec.defaults);
    const none = { ...codec.defaults, labels: [], is_next: '' as const };
    expect(round(none)).toEqual(none);
  });

  it('falls back with a notice for a bad is_next and trims labels', () => {
    const { params, notices } = codec.parse(new URLSearchParams('is_next=maybe&labels=%20meow%20'));
    expect(params.is_next).toBe('true');
    expect(params.labels).toEqual(['meow']);
    expect(notices[0]).toMatch(/is_next/);
  });
});

describe('mask helpers', () => {
  it('counts masks and hides the last word as the true token', () => {
    expect(countMasks('a [MASK] b [MASK]', '[MASK]')).toBe(2);
    expect(maskLastWord('the cat says meow .', '[MASK]')).toEqual({ text: 'the cat says [MASK] .', word: 'meow' });
    expect(maskLastWord(' . ! ', '[MASK]')).toBeNull();
  });
});
