import { describe, expect, it } from 'vitest';
import { explicitMask, formatPatches, parsePatches, randomMask } from './masking';

describe('seeded masking', () => {
  it('the same seed hides the same patches; another seed others', () => {
    const a = randomMask(196, 0.75, 7);
    expect(randomMask(196, 0.75, 7)).toEqual(a);
    expect(randomMask(196, 0.75, 8).hidden).not.toEqual(a.hidden);
    expect(a.idsKeep).toHaveLength(49);
    expect(a.hidden).toHaveLength(147);
    // A pinned value: a change to the generator would silently change every shared link's mask.
    expect(formatPatches(randomMask(16, 0.75, 1).hidden)).toBe('0,2-11,13');
  });

  it('is HF random_masking: argsort of the noise, ids_restore its inverse', () => {
    const m = randomMask(16, 0.5, 3);
    const sorted = [...m.noise.keys()].sort((x, y) => m.noise[x]! - m.noise[y]!);
    expect(m.idsKeep).toEqual(sorted.slice(0, 8));
    sorted.forEach((patch, position) => expect(m.idsRestore[patch]).toBe(position));
    expect(m.hidden).toEqual(sorted.slice(8).sort((x, y) => x - y));
  });

  it('keeps int(N · (1 − ratio)) patches, so a high ratio on a tiny grid can keep none', () => {
    expect(randomMask(16, 0.95, 1).idsKeep).toHaveLength(0);
    expect(randomMask(16, 0, 1).hidden).toEqual([]);
  });

  it('a hand-picked mask keeps the rest, in order, and ignores indices off the grid', () => {
    const m = explicitMask(6, [4, 1, 99]);
    expect(m.idsKeep).toEqual([0, 2, 3, 5]);
    expect(m.hidden).toEqual([1, 4]);
    expect(m.idsRestore).toEqual([0, 4, 1, 2, 5, 3]);
  });

  it('patch lists read back as written', () => {
    for (const xs of [[], [5], [0, 1, 2, 3, 7, 9, 10], [195]]) expect(parsePatches(formatPatches(xs), 195)).toEqual(xs);
    expect(parsePatches('2,1,1', 10)).toEqual([1, 2]);
    expect(parsePatches('1-x', 10)).toBeUndefined();
    expect(parsePatches('11', 10)).toBeUndefined();
  });
});
