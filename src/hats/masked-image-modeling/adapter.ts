import { gridOf } from '@/lib/onnx/vit-mae/config';
import type { InsideAnswer, InsideRequest } from '@/lib/inside';
import { BadInputError, defineAdapter } from '@/worker/sdk';
import { loadVitMae, vitMaeSource } from './checkpoint';
import { lookInside } from './inside';
import { explicitMask, formatPatches, randomMask } from './masking';
import type { MimOutput } from './output';
import type { MimParams } from './params';
import { compose, denormalizePatches, normalize, patchStats, predictionImage, resizeSquare } from './pixels';
import { isSample, OWN_IMAGE, SAMPLES } from './samples';
import { seam } from './seam';

/*
 * ViTMAEForPreTraining, run as it was trained: hide most patches, let the encoder see the rest,
 * let the decoder paint the hidden ones.
 * [1] Preprocess: the square picture is resized to image_size and normalised per channel.
 * [2] Mask: seeded random masking (masking.ts) or the patches the person picked.
 * [3] The graph (src/lib/onnx/vit-mae): patch embedding + positions, keep ids_keep, encoder, decoder
 *     with mask tokens put back by ids_restore, decoder_pred → logits [1, N, p·p·3].
 * [4] Back to a picture: (norm_pix_loss checkpoints: scale each patch by the original's own μ, σ),
 *     unpatchify, undo the normalisation, paste the predicted patches into the hidden places.
 * [5] Inside (inside.ts): the same graph answers with its attentions and hidden states.
 */

interface Picture {
  rgb: Uint8ClampedArray;
  side: number;
  label: string;
  notes: string[];
}

/** public/samples/ as the app serves it: the worker runs from assets/ in a build, from the dev server's root in dev. */
function sampleUrl(name: string): string {
  return import.meta.env.DEV ? new URL(`/samples/${name}.png`, self.location.origin).href : new URL(`../samples/${name}.png`, self.location.href).href;
}

const samples = new Map<string, Promise<Picture>>();

async function decodeSample(name: string): Promise<Picture> {
  const response = await fetch(sampleUrl(name));
  if (!response.ok) throw new Error(`The sample image ${name}.png could not be loaded (HTTP ${response.status}).`);
  const bitmap = await createImageBitmap(await response.blob());
  const side = Math.min(bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(side, side);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('No 2D canvas in this worker.');
  g.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, side, side);
  bitmap.close();
  const rgba = g.getImageData(0, 0, side, side).data;
  const rgb = new Uint8ClampedArray(side * side * 3);
  for (let i = 0; i < side * side; i++) rgb.set(rgba.subarray(i * 4, i * 4 + 3), i * 3);
  return { rgb, side, label: SAMPLES.find((s) => s.name === name)?.label ?? name, notes: [] };
}

function picture(p: MimParams): Promise<Picture> {
  if (p.image === OWN_IMAGE) {
    if (!p.own) throw new BadInputError('There is no picture of your own yet: drop one, paste one or choose a file.');
    return Promise.resolve({ rgb: p.own.rgb, side: p.own.side, label: p.own.name, notes: p.own.notes });
  }
  if (!isSample(p.image)) throw new BadInputError(`There is no sample image called “${p.image}”.`);
  let pending = samples.get(p.image);
  if (!pending) {
    pending = decodeSample(p.image);
    samples.set(p.image, pending);
    pending.catch(() => samples.delete(p.image));
  }
  return pending;
}

export default defineAdapter(seam, {
  source: vitMaeSource(),
  async load(ctx) {
    const model = await loadVitMae(ctx);
    const c = model.config;
    const { side: grid, patches } = gridOf(c);
    const p = c.patchSize;
    const S = c.imageSize;
    async function prepare(params: MimParams) {
      const pic = await picture(params);
      const notes = [...pic.notes];
      if (pic.side !== S) notes.push(`The ${pic.side} × ${pic.side} picture was resized to ${S} × ${S}, the size this model reads.`); // [1]
      const original = resizeSquare(pic.rgb, pic.side, S);
      const pixels = normalize(original, S, model.norm.mean, model.norm.std);
      // [2]
      const outside = (params.patches ?? []).filter((i) => i >= patches);
      if (outside.length) notes.push(`Patch ${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''} is outside this model's ${grid} × ${grid} grid and was left out.`);
      const plan = params.patches ? explicitMask(patches, params.patches) : randomMask(patches, params.mask_ratio, params.seed);
      if (plan.idsKeep.length === 0) {
        throw new BadInputError(
          params.patches
            ? `Every one of the ${patches} patches is hidden: the encoder needs at least one to look at. Show a patch again.`
            : `At mask ratio ${params.mask_ratio} none of this model's ${patches} patches stays visible (int(${patches} × ${(1 - params.mask_ratio).toFixed(2)}) = 0). Lower the mask ratio.`,
        );
      }
      return { pic, notes, original, pixels, plan };
    }

    async function call(request: InsideRequest<MimParams>): Promise<InsideAnswer> {
      // The pickers reach the larger of the two stacks (ViT-MAE-Base: 12 encoder heads, 16 decoder heads); each attention keeps to its own.
      if (request.kind === 'plan') {
        return { kind: 'plan', source: ctx.model, bytes: 0, cached: true, layers: Math.max(c.numLayers, c.decoderLayers), heads: Math.max(c.numHeads, c.decoderHeads), gaps: {} };
      }
      const { pic, original, pixels, plan } = await prepare(request.params);
      return lookInside(model, { pixels, original, plan, label: pic.label }, { source: ctx.model, dtype: model.provenance.dtype }); // [5]
    }

    return {
      facts: model.facts,
      async run(params) {
        const { pic, notes, original, pixels, plan } = await prepare(params);
        const logits = await model.run(pixels, plan.idsKeep, plan.idsRestore); // [3]
        // [4]
        const shown = c.normPixLoss ? denormalizePatches(logits, pixels, grid, p, S) : logits;
        if (c.normPixLoss) notes.push('This checkpoint predicts each patch normalised by its own mean and variance (norm_pix_loss); the picture uses the original patch’s mean and variance to scale it back, as Hugging Face’s MAE demo does.');
        const reconstruction = compose(original, predictionImage(shown, grid, p, model.norm.mean, model.norm.std), plan.hidden, grid, p);
        if (model.norm.defaulted) notes.push('The checkpoint has no preprocessor_config.json, so pixels were normalised with ViTImageProcessor’s defaults (mean 0.5, std 0.5).');
        const stats = patchStats(original, reconstruction, plan.hidden, grid, p);
        const output: MimOutput = {
          imageLabel: pic.label,
          original,
          reconstruction,
          hidden: plan.hidden,
          maskKey: formatPatches(plan.hidden),
          mode: params.patches ? 'picked' : 'random',
          ...stats,
          model: {
            imageSize: S,
            patchSize: p,
            grid,
            hiddenSize: c.hiddenSize,
            numLayers: c.numLayers,
            numHeads: c.numHeads,
            decoderHiddenSize: c.decoderHiddenSize,
            decoderLayers: c.decoderLayers,
            decoderHeads: c.decoderHeads,
            trainedMaskRatio: c.maskRatio,
            normPixLoss: c.normPixLoss,
            mean: model.norm.mean,
            std: model.norm.std,
            normDefaulted: model.norm.defaulted,
            resample: model.norm.resample,
          },
          notes,
          provenance: model.provenance,
        };
        return { output };
      },
      call,
      dispose: () => model.dispose(),
    };
  },
});
