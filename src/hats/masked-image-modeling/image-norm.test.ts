import { describe, expect, it } from 'vitest';
import { imageNormOf } from './vit-config';

/** facebook/vit-mae-base's preprocessor_config.json as recorded in fixtures/hub-replicas (no processor type, old integer size). */
const VIT_MAE_BASE = { _processor_class: null, do_normalize: true, do_resize: true, image_mean: [0.485, 0.456, 0.406], image_std: [0.229, 0.224, 0.225], resample: 2, size: 224 };

describe('imageNormOf', () => {
  it('reads mean, std and the resampling filter of the real file', () => {
    expect(imageNormOf(VIT_MAE_BASE, 'facebook/vit-mae-base')).toEqual({ mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], defaulted: false, resample: 2 });
  });
  it('falls back to ViTImageProcessor’s defaults without the file: 0.5, 0.5, bilinear', () => {
    expect(imageNormOf(undefined, 'org/m')).toEqual({ mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], defaulted: true, resample: 2 });
  });
});
