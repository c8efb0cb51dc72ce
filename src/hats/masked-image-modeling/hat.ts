import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { OWN_IMAGE } from './samples';
import { demo } from './demo';
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
  demo,
  models: [
    {
      id: 'facebook/vit-mae-base',
      note: 'The MAE paper’s ViT-Base (16 × 16 patches, 224 × 224 pictures) with its pixel decoder, pretrained on ImageNet-1k. No ONNX needed: the page reads model.safetensors (448 MB) by Range requests.',
      sizes: { fp32: 448 * MB, q8: 448 * MB },
      licence: 'Apache-2.0',
    },
  ],
  texts: () => [],
  // The panel looks inside the encoder as this picture and mask feed it: [CLS] and the patches left visible.
  inside: {
    views: ['attention', 'hidden'],
    caption: (p) => `the visible patches of ${p.image === OWN_IMAGE ? 'your picture' : `the ${p.image} sample`}`,
    notes: {
      head: 'Here the tokens are patches of the picture, named by row and column. In every layer each visible patch weighs every other visible patch and [CLS], each row adding up to 1; some heads look at neighbours, some at patches alike in colour. The hidden patches are not read at all: they only meet the model later, in its decoder.',
      special:
        '[CLS] takes part although MAE never gives it a task of its own: it is one more token a head can park spare weight on, the way I settle on the same warm cushion whatever room I am in.',
      hidden:
        'Each layer hands the next one vector per visible patch (and [CLS]). Early on a patch is mostly its own colours; later it carries what it learned from the others, and that is what the decoder paints the hidden patches from.',
    },
  },
  validate(p) {
    if (p.image === OWN_IMAGE && !p.own) return { message: 'There is no picture of your own yet: drop one, paste one or choose a file, or pick a sample.' };
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
