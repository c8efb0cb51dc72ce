import { blankVitMaeWeights, decoderLayerPrefix, VIT_MAE_NAMES as N, vitLayerNames, vitMaeShapes, type VitMaeConfig } from '../../lib/onnx/vit-mae/config';
import type { BenchCase, FixtureFolder } from '../../lib/onnx/fixture/fixture-spec';
import { writeSafetensors } from '../../lib/safetensors/write';
import { MIM_ID, MIM_NO_DECODER_ID, MIM_NO_SAFETENSORS_ID } from './cases';

/*
 * A tiny ViTMAEForPreTraining checkpoint, weights by hand, stored like facebook/vit-mae-base
 * (config.json, preprocessor_config.json, model.safetensors with the real HF names, no ONNX):
 * 32 × 32 images, 8 × 8 patches (a 4 × 4 grid), width 16, one encoder and one decoder layer.
 *
 * Known answer: every hidden patch is painted in the mean colour of the visible patches.
 * [1] Patch embedding: dims 0–2 hold the patch's mean (normalised) colour, 3–5 its negative,
 *     6/7 a large ±C pair; the [CLS] token has the pair the other way round. With the negatives
 *     the mean is exactly 0 and the ±C pair makes σ ≈ C/√8, so a LayerNorm with γ = C/√8 passes the
 *     colour through almost unchanged (relative error ≈ |rgb|²/C²), and dim 6 becomes a marker:
 *     +√8 for a patch, −√8 for [CLS]. The encoder layer is all zeros (the residual carries x).
 * [2] decoder_embed keeps the colour (and its negative), turns the marker into ±1 and adds a ±C
 *     pair; the mask token has the ±C pair only (marker 0). Position tables are zero.
 * [3] Decoder attention, head 0: a constant query against key = 30·marker, so the visible patches
 *     score +30, mask tokens 0 and [CLS] −30: softmax averages the visible patches' colours. The
 *     output projection writes that mean (and its negative) into dims 10–15.
 * [4] decoder_norm passes dims 10–12 through as in [1]; decoder_pred copies them into every
 *     pixel of the patch (patchify order: row, column, channel).
 */


export const mimConfig: VitMaeConfig = {
  imageSize: 32,
  patchSize: 8,
  numChannels: 3,
  hiddenSize: 16,
  numLayers: 1,
  numHeads: 2,
  intermediateSize: 32,
  decoderHiddenSize: 16,
  decoderLayers: 1,
  decoderHeads: 2,
  decoderIntermediateSize: 32,
  layerNormEps: 1e-12,
  maskRatio: 0.75,
  normPixLoss: false,
};

const C = 1000;
const S = C / Math.sqrt(8);
const SCORE = 30;

export function mimWeights(): Record<string, Float32Array> {
  const c = mimConfig;
  const w = blankVitMaeWeights(c);
  const h = c.hiddenSize;
  const set = (name: string, values: [number, number][]) => values.forEach(([i, v]) => (w[name]![i] = v));
  const matrix = (module: string, inDim: number, entries: [out: number, inp: number, v: number][]) => entries.forEach(([o, i, v]) => (w[`${module}.weight`]![o * inDim + i] = v));

  // [1]
  const kernel = w[`${N.patch}.weight`]!;
  const perChannel = c.patchSize * c.patchSize;
  for (let ch = 0; ch < 3; ch++) {
    for (let k = 0; k < perChannel; k++) {
      kernel[(ch * 3 + ch) * perChannel + k] = 1 / perChannel;
      kernel[((3 + ch) * 3 + ch) * perChannel + k] = -1 / perChannel;
    }
  }
  set(`${N.patch}.bias`, [[6, C], [7, -C]]);
  set(N.cls, [[6, -C], [7, C]]);
  const encNorm = w[`${N.encoderNorm}.weight`]!;
  encNorm.fill(0);
  set(`${N.encoderNorm}.weight`, [[0, S], [1, S], [2, S], [6, 1]]);
  // The encoder layer (vit.encoder.layer.0.*) stays all zeros: attention and MLP add nothing, x passes through.

  // [2]
  matrix(N.decoderEmbed, h, [[0, 0, 1], [1, 1, 1], [2, 2, 1], [6, 0, -1], [7, 1, -1], [8, 2, -1], [3, 6, 1 / Math.sqrt(8)], [9, 6, -1 / Math.sqrt(8)]]);
  set(`${N.decoderEmbed}.bias`, [[4, C], [5, -C]]);
  set(N.maskToken, [[4, C], [5, -C]]);

  // [3]
  const d = c.decoderHiddenSize;
  const headDim = d / c.decoderHeads;
  const l = vitLayerNames(decoderLayerPrefix(0));
  w[`${l.normBefore}.weight`]!.fill(0);
  set(`${l.normBefore}.weight`, [[0, S], [1, S], [2, S], [3, S]]);
  set(`${l.query}.bias`, [[0, 1]]);
  matrix(l.key, d, [[0, 3, SCORE * Math.sqrt(headDim)]]);
  matrix(l.value, d, [[0, 0, 1], [1, 1, 1], [2, 2, 1]]);
  matrix(l.attentionOut, d, [[10, 0, 1], [11, 1, 1], [12, 2, 1], [13, 0, -1], [14, 1, -1], [15, 2, -1]]);

  // [4]
  w[`${N.decoderNorm}.weight`]!.fill(0);
  set(`${N.decoderNorm}.weight`, [[10, S], [11, S], [12, S]]);
  const patchDim = c.patchSize * c.patchSize * 3;
  matrix(N.decoderPred, d, Array.from({ length: patchDim }, (_, k): [number, number, number] => [k, 10 + (k % 3), 1]));
  return w;
}

/** config.json as Hugging Face writes a ViTMAEConfig. */
export function mimConfigJson(c: VitMaeConfig = mimConfig) {
  return {
    architectures: ['ViTMAEForPreTraining'],
    attention_probs_dropout_prob: 0,
    decoder_hidden_size: c.decoderHiddenSize,
    decoder_intermediate_size: c.decoderIntermediateSize,
    decoder_num_attention_heads: c.decoderHeads,
    decoder_num_hidden_layers: c.decoderLayers,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0,
    hidden_size: c.hiddenSize,
    image_size: c.imageSize,
    initializer_range: 0.02,
    intermediate_size: c.intermediateSize,
    layer_norm_eps: c.layerNormEps,
    mask_ratio: c.maskRatio,
    model_type: 'vit_mae',
    norm_pix_loss: c.normPixLoss,
    num_attention_heads: c.numHeads,
    num_channels: c.numChannels,
    num_hidden_layers: c.numLayers,
    patch_size: c.patchSize,
    qkv_bias: true,
    torch_dtype: 'float32',
  };
}

/** ImageNet mean and std, as facebook/vit-mae-base's preprocessor_config.json has them. */
export const mimPreprocessor = {
  do_normalize: true,
  do_rescale: true,
  do_resize: true,
  image_mean: [0.485, 0.456, 0.406],
  image_processor_type: 'ViTImageProcessor',
  image_std: [0.229, 0.224, 0.225],
  resample: 3,
  rescale_factor: 1 / 255,
  size: { height: mimConfig.imageSize, width: mimConfig.imageSize },
};

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

function safetensors(keep: (name: string) => boolean): Uint8Array {
  const w = mimWeights();
  const tensors = vitMaeShapes(mimConfig)
    .filter(([name]) => keep(name))
    .sort(([a], [b]) => (a < b ? -1 : 1)) // the Python writer sorts by name
    .map(([name, shape]) => ({ name, dtype: 'F32' as const, shape, data: w[name]! }));
  return writeSafetensors(tensors, { format: 'pt' });
}

export const folders: FixtureFolder[] = [
  {
    id: MIM_ID,
    rule: 'ViT-MAE: every hidden patch is painted in the mean colour of the visible patches',
    files: () => ({ 'config.json': json(mimConfigJson()), 'preprocessor_config.json': json(mimPreprocessor), 'model.safetensors': safetensors(() => true) }),
  },
  {
    id: MIM_NO_SAFETENSORS_ID,
    rule: 'ViT-MAE config without model.safetensors (error path)',
    files: () => ({ 'config.json': json(mimConfigJson()), 'preprocessor_config.json': json(mimPreprocessor) }),
  },
  {
    id: MIM_NO_DECODER_ID,
    rule: 'a ViTMAEModel checkpoint: encoder only, no decoder.* (error path)',
    files: () => ({ 'config.json': json({ ...mimConfigJson(), architectures: ['ViTMAEModel'] }), 'model.safetensors': safetensors((n) => !n.startsWith('decoder.')) }),
  },
];

export const benchCase: BenchCase = {
  model: MIM_ID,
  params: { image: 'sunset', mask_ratio: '0.75', seed: '1' },
  field: 'Seed',
  inputs: (i) => String(i + 2),
};
