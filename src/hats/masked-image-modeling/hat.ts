import { lazy } from 'react';
import { importChunk } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { OWN_IMAGE } from './samples';
import { seam } from './seam';

export default defineHat(seam, {
  id: 'masked-image-modeling',
  icon: '🧱',
  title: 'Masked image modeling (MAE)',
  autoClass: 'ViTMAEForPreTraining',
  purpose: 'Hides most patches of a picture, lets a vision transformer see the rest, and shows how its decoder paints the hidden ones back.',
  tip: 'Cover three quarters of me with a blanket and you can still guess there is a cat under there. This model plays that game with pictures, a patch at a time.',
  pickQuestion: 'Do you want to see how a vision transformer learns from pictures without labels?',
  pickOrder: 120,
  order: 110,
  defaultModel: 'facebook/vit-mae-base',
  modelRequirement: 'a ViTMAEForPreTraining checkpoint (model_type vit_mae, encoder and decoder) with model.safetensors',
  models: [
    {
      id: 'facebook/vit-mae-base',
      note: 'The MAE paper’s ViT-Base (16 × 16 patches, 224 × 224 pictures) with its pixel decoder, pretrained on ImageNet-1k. No ONNX needed: the page reads model.safetensors (448 MB) by Range requests.',
      sizes: { fp32: 448 * MB, q8: 448 * MB },
      licence: 'Apache-2.0',
    },
  ],
  texts: () => [],
  validate(p) {
    if (p.image === OWN_IMAGE && !p.own) return { message: 'There is no picture of your own yet: drop one, paste one or choose a file, or pick a sample.' };
    return null;
  },
  Form: lazy(() => importChunk(() => import('./Form'))),
  Output: lazy(() => importChunk(() => import('./Output'))),
  Explainer: lazy(() => importChunk(() => import('./Explainer'))),
});
