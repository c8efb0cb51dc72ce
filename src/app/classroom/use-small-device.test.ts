import { describe, expect, it } from 'vitest';
import type { CuratedModel } from '@/hats/types';
import { modelSize, smallestFirst } from './use-small-device';

const model = (id: string, sizes: CuratedModel['sizes']): CuratedModel => ({ id, note: '', licence: 'MIT', sizes });

describe('phone ordering of curated models', () => {
  const big = model('big', { q8: 400e6, fp32: 1.6e9 });
  const tiny = model('tiny', { q8: 20e6 });
  const fp32Only = model('fp32-only', { fp32: 90e6 });
  const unknown = model('unknown', {});

  it('puts the smallest download first and models of unknown size last', () => {
    expect(smallestFirst([unknown, big, fp32Only, tiny], 'auto').map((m) => m.id)).toEqual(['tiny', 'fp32-only', 'big', 'unknown']);
  });

  it('reads the chosen dtype, else the smallest size the model has', () => {
    expect(modelSize(big, 'fp32')).toBe(1.6e9);
    expect(modelSize(fp32Only, 'q8')).toBe(90e6);
    expect(modelSize(unknown, 'auto')).toBeUndefined();
  });
});
