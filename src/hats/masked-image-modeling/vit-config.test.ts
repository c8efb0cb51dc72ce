import { describe, expect, it } from 'vitest';
import { LimitError } from '@/lib/limits';
import { vitMaeConfigOf } from './vit-config';

const base = {
  model_type: 'vit_mae',
  image_size: 224,
  patch_size: 16,
  hidden_size: 768,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  intermediate_size: 3072,
  decoder_hidden_size: 512,
  decoder_num_hidden_layers: 8,
  decoder_num_attention_heads: 16,
  decoder_intermediate_size: 2048,
};

describe('vitMaeConfigOf: sizes the page builds from', () => {
  it('reads facebook/vit-mae-base', () => {
    expect(vitMaeConfigOf(base, 'facebook/vit-mae-base')).toMatchObject({ imageSize: 224, patchSize: 16, decoderLayers: 8 });
  });

  it('refuses absurd sizes by field and limit before any loop or table is made', () => {
    expect(() => vitMaeConfigOf({ ...base, num_hidden_layers: 100_000_000 }, 'o/m')).toThrow(/num_hidden_layers is 100,000,000, more than the 48/);
    expect(() => vitMaeConfigOf({ ...base, decoder_num_hidden_layers: 1e6 }, 'o/m')).toThrow(LimitError);
    expect(() => vitMaeConfigOf({ ...base, image_size: 1_000_000 }, 'o/m')).toThrow(/image_size is 1,000,000/);
    // Each number within bounds, the grid they make is not: 1024-pixel images in 1-pixel patches.
    expect(() => vitMaeConfigOf({ ...base, image_size: 1024, patch_size: 1 }, 'o/m')).toThrow(/1,048,576 patches, more than the 4,096/);
  });
});
