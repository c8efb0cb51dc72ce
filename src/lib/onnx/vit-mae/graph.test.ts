import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { serializeModel } from '../graph-builder';
import type { ModelProto } from '../onnx-types';
import { quantizeModel } from '../quantize';
import { seededRandom } from '../fixture/feature-space';
import { dequantizedWeights, quantizedWeightNames } from '../testing';
import { blankVitMaeWeights, gridOf, keptCount, sincosPositions, VIT_MAE_NAMES, vitMaeShapes, type VitMaeConfig } from './config';
import { buildVitMaeModel, VIT_MAE_IO } from './graph';
import { referenceVitMae, referenceVitMaeInside } from './reference';
import { attentionOutput, hiddenOutput } from '../inside-outputs';
import { expectRowsSumToOne, maxDiff as maxDiffNested, runGraph } from '../inside-testing';

/*
 * The in-page ViT-MAE graph against the loop-by-loop reference (reference.ts) on random
 * weights, including the sin-cos position tables, with a shuffled mask:
 *  - fp32 within 1e-4;
 *  - q8 at ONNX Runtime's 'basic' level vs the reference on the 8-bit-rounded weights: 1e-4;
 *  - q8 at the default level vs the fp32 reference: within 0.05 (fused kernels round more).
 */

const config: VitMaeConfig = {
  imageSize: 16,
  patchSize: 4,
  numChannels: 3,
  hiddenSize: 16,
  numLayers: 2,
  numHeads: 2,
  intermediateSize: 32,
  decoderHiddenSize: 8,
  decoderLayers: 2,
  decoderHeads: 2,
  decoderIntermediateSize: 16,
  layerNormEps: 1e-12,
  maskRatio: 0.75,
  normPixLoss: false,
};

function randomWeights() {
  const w = blankVitMaeWeights(config);
  const random = seededRandom(11);
  for (const data of Object.values(w)) for (let i = 0; i < data.length; i++) data[i]! += (random() - 0.5) * 0.4;
  const { side } = gridOf(config);
  w[VIT_MAE_NAMES.position] = sincosPositions(config.hiddenSize, side);
  w[VIT_MAE_NAMES.decoderPosition] = sincosPositions(config.decoderHiddenSize, side);
  return w;
}

const random = seededRandom(5);
const pixels = Float32Array.from({ length: 3 * 16 * 16 }, () => random() * 4 - 2);
// 16 patches, 4 kept in a shuffled order (as argsort of noise gives them).
const idsKeep = [9, 2, 14, 5];
const shuffle = [...idsKeep, ...[0, 1, 3, 4, 6, 7, 8, 10, 11, 12, 13, 15]];
const idsRestore = Array.from({ length: 16 }, (_, i) => shuffle.indexOf(i));

async function run(model: ModelProto, level: 'basic' | 'all' = 'all'): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(serializeModel(model), { graphOptimizationLevel: level });
  const ids = (xs: number[]) => new ort.Tensor('int64', BigInt64Array.from(xs.map(BigInt)), [xs.length]);
  const out = await session.run({
    [VIT_MAE_IO.pixels]: new ort.Tensor('float32', pixels, [1, 3, 16, 16]),
    [VIT_MAE_IO.keep]: ids(idsKeep),
    [VIT_MAE_IO.restore]: ids(idsRestore),
  });
  await session.release();
  const logits = out[VIT_MAE_IO.logits]!;
  expect(logits.dims).toEqual([1, 16, 48]);
  return logits.data as Float32Array;
}

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('buildVitMaeModel matches the reference forward pass', () => {
  it('fp32 and q8', async () => {
    const weights = randomWeights();
    const fp32 = buildVitMaeModel({ config, weights });
    const q8 = quantizeModel(fp32, { minElements: 128 });
    const names = quantizedWeightNames(q8);
    expect(names).toContain(`${VIT_MAE_NAMES.patch}.weight`);
    expect(names.length).toBeGreaterThan(8);
    const want = referenceVitMae(config, weights, pixels, idsKeep, idsRestore);
    const wantQ8 = referenceVitMae(config, dequantizedWeights(weights, names), pixels, idsKeep, idsRestore);
    expect(maxDiff(await run(fp32), want)).toBeLessThan(1e-4);
    expect(maxDiff(await run(q8, 'basic'), wantQ8)).toBeLessThan(1e-4);
    const cost = maxDiff(await run(q8), want);
    expect(cost).toBeLessThan(0.05);
    expect(cost).toBeGreaterThan(0);
  });

  it('the order of the kept patches does not matter, their set does', async () => {
    const weights = randomWeights();
    const a = referenceVitMae(config, weights, pixels, idsKeep, idsRestore);
    const sorted = [...idsKeep].sort((x, y) => x - y);
    const order = [...sorted, ...shuffle.slice(4)];
    const b = referenceVitMae(config, weights, pixels, sorted, Array.from({ length: 16 }, (_, i) => order.indexOf(i)));
    expect(maxDiff(a, b)).toBeLessThan(1e-9);
    expect(maxDiff(await run(buildVitMaeModel({ config, weights })), b)).toBeLessThan(1e-4);
  });

  it('names a missing tensor', () => {
    const weights = randomWeights();
    delete weights[`${VIT_MAE_NAMES.decoderPred}.weight`];
    expect(() => buildVitMaeModel({ config, weights })).toThrow(/decoder\.decoder_pred\.weight/);
  });
});

describe('config helpers', () => {
  it('keeps int(N · (1 − ratio)) patches, as random_masking does', () => {
    expect(keptCount(196, 0.75)).toBe(49);
    expect(keptCount(16, 0.75)).toBe(4);
    expect(keptCount(196, 0.95)).toBe(9);
    expect(keptCount(196, 0)).toBe(196);
  });

  it('lists the shapes of facebook/vit-mae-base', () => {
    const base = { ...config, imageSize: 224, patchSize: 16, hiddenSize: 768, numLayers: 12, numHeads: 12, intermediateSize: 3072, decoderHiddenSize: 512, decoderLayers: 8, decoderHeads: 16, decoderIntermediateSize: 2048 };
    const shapes = new Map(vitMaeShapes(base));
    expect(shapes.get('vit.embeddings.patch_embeddings.projection.weight')).toEqual([768, 3, 16, 16]);
    expect(shapes.get('decoder.decoder_pos_embed')).toEqual([1, 197, 512]);
    expect(shapes.get('decoder.decoder_pred.weight')).toEqual([768, 512]);
    expect(shapes.get('vit.encoder.layer.11.intermediate.dense.weight')).toEqual([3072, 768]);
    const params = [...shapes.values()].reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
    expect(params * 4).toBeGreaterThan(440e6); // the checkpoint's 448 MB, all float32
    expect(params * 4).toBeLessThan(450e6);
  });

  it('sin-cos positions: [CLS] is zero, column in the first half, row in the second', () => {
    const t = sincosPositions(8, 3);
    expect(Array.from(t.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // patch (row 0, col 1) = index 1: first half sin(1·ω), second half sin(0) = 0, cos(0) = 1.
    const p = t.subarray(2 * 8, 3 * 8);
    expect(p[0]).toBeCloseTo(Math.sin(1));
    expect(p[1]).toBeCloseTo(Math.sin(1 / 100));
    expect(p[2]).toBeCloseTo(Math.cos(1));
    expect(Array.from(p.subarray(4))).toEqual([0, 0, 1, 1]);
  });
});

describe('ViT-MAE inside outputs', () => {
  const feeds = () => {
    const ids = (xs: number[]) => new ort.Tensor('int64', BigInt64Array.from(xs.map(BigInt)), [xs.length]);
    return { [VIT_MAE_IO.pixels]: new ort.Tensor('float32', pixels, [1, 3, 16, 16]), [VIT_MAE_IO.keep]: ids(idsKeep), [VIT_MAE_IO.restore]: ids(idsRestore) };
  };

  it('encoder (over [CLS] and the kept patches) and decoder (over every patch) attention and hidden states match the reference; rows sum to 1', async () => {
    const weights = randomWeights();
    const model = buildVitMaeModel({ config, weights, inside: true });
    const want = referenceVitMaeInside(config, weights, pixels, idsKeep, idsRestore);
    const tolerance = 1e-4;
    for (const level of ['all', 'basic'] as const) {
      const w = want;
      const out = await runGraph(model, feeds(), level);
      expect(maxDiffNested(out[VIT_MAE_IO.logits], Array.from(w.logits)), 'logits').toBeLessThan(tolerance);
      for (let l = 0; l < config.numLayers; l++) {
        expect(out[attentionOutput(l + 1)]!.dims).toEqual([1, config.numHeads, idsKeep.length + 1, idsKeep.length + 1]);
        expect(maxDiffNested(out[attentionOutput(l + 1)], w.attentions[l]!), `attentions.${l + 1}`).toBeLessThan(tolerance);
        expectRowsSumToOne(out[attentionOutput(l + 1)]);
      }
      for (let l = 0; l <= config.numLayers; l++) expect(maxDiffNested(out[hiddenOutput(l)], w.hidden[l]!), `hidden_states.${l}`).toBeLessThan(tolerance);
      for (let l = 0; l < config.decoderLayers; l++) {
        expect(out[attentionOutput(l + 1, 'decoder')]!.dims).toEqual([1, config.decoderHeads, 17, 17]);
        expect(maxDiffNested(out[attentionOutput(l + 1, 'decoder')], w.decoderAttentions[l]!), `decoder_attentions.${l + 1}`).toBeLessThan(tolerance);
        expectRowsSumToOne(out[attentionOutput(l + 1, 'decoder')]);
      }
    }
    const q8 = quantizeModel(model, { minElements: 128 });
    const rounded = referenceVitMaeInside(config, dequantizedWeights(weights, quantizedWeightNames(q8)), pixels, idsKeep, idsRestore);
    const basic = await runGraph(q8, feeds(), 'basic');
    for (let l = 0; l < config.numLayers; l++) expect(maxDiffNested(basic[attentionOutput(l + 1)], rounded.attentions[l]!)).toBeLessThan(1e-4);
    const all = await runGraph(q8, feeds());
    for (let l = 0; l < config.numLayers; l++) expect(maxDiffNested(all[attentionOutput(l + 1)], want.attentions[l]!)).toBeLessThan(0.05);
  });

  it('adds no outputs unless asked', () => {
    expect(buildVitMaeModel({ config, weights: randomWeights() }).graph.output.map((o) => o.name)).toEqual([VIT_MAE_IO.logits]);
  });
});
