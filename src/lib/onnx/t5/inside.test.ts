import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import { attentionOutput, hiddenOutput } from '../inside-outputs';
import { expectRowsSumToOne, int64Tensor, maxDiff, runGraph } from '../inside-testing';
import { quantizeModel } from '../quantize';
import { dequantizedWeights, quantizedWeightNames } from '../testing';
import { buildT5Inside } from './inside';
import { t5WeightShapes, type T5Config, type T5Weights } from './names';
import { referenceT5, relativeBucket, type T5Reference } from './reference';

/*
 * The whole-model T5 graph (relative position bias, all three kinds of attention, both stacks'
 * hidden states) against the float64 reference on random weights, with a padded source and
 * distances long enough to reach the logarithmic buckets.
 */

const base: T5Config = { vocabSize: 19, dModel: 16, dKv: 4, dFf: 24, numLayers: 2, numDecoderLayers: 2, numHeads: 2, relativeAttentionNumBuckets: 8, relativeAttentionMaxDistance: 16, layerNormEpsilon: 1e-6 };

function randomWeights(c: T5Config, seed: number): T5Weights {
  const random = mulberry32(seed);
  return Object.fromEntries(
    Object.entries(t5WeightShapes(c, true)).map(([name, shape]) => [
      name,
      Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (name.endsWith('layer_norm.weight') ? 0.8 + 0.4 * random() : (random() - 0.5) * (name.includes('relative') ? 4 : 0.4))),
    ]),
  );
}

const source = [4, 9, 2, 11, 7, 3, 1, 0];
const mask = [1, 1, 1, 1, 1, 1, 1, 0];
const target = [0, 5, 12, 8, 8, 6];
const feeds = () => ({ input_ids: int64Tensor([source]), attention_mask: int64Tensor([mask]), decoder_input_ids: int64Tensor([target]) });

function expectMatches(c: T5Config, out: Awaited<ReturnType<typeof runGraph>>, want: T5Reference, tolerance: number) {
  expect(maxDiff(out.logits, want.logits), 'logits').toBeLessThan(tolerance);
  for (let l = 0; l < c.numLayers; l++) expect(maxDiff(out[attentionOutput(l + 1, 'encoder')], want.encoderAttentions[l]!), `encoder attention ${l}`).toBeLessThan(tolerance);
  for (let l = 0; l < c.numDecoderLayers; l++) {
    expect(maxDiff(out[attentionOutput(l + 1, 'decoder')], want.decoderAttentions[l]!), `decoder attention ${l}`).toBeLessThan(tolerance);
    expect(maxDiff(out[attentionOutput(l + 1, 'cross')], want.crossAttentions[l]!), `cross attention ${l}`).toBeLessThan(tolerance);
  }
  // The padded source position is garbage in both (it reads only real tokens): compare the real ones.
  const real = (rows: number[][]) => rows.slice(0, 7);
  for (let l = 0; l <= c.numLayers; l++) {
    const got = out[hiddenOutput(l, 'encoder')]!;
    const data = Array.from(got.data as Float32Array).slice(0, 7 * c.dModel);
    const w = real(want.encoderHidden[l]!).flat();
    expect(Math.max(...data.map((v, i) => Math.abs(v - w[i]!))), `encoder hidden ${l}`).toBeLessThan(tolerance);
  }
  for (let l = 0; l <= c.numDecoderLayers; l++) expect(maxDiff(out[hiddenOutput(l, 'decoder')], want.decoderHidden[l]!), `decoder hidden ${l}`).toBeLessThan(tolerance);
}

describe('relativeBucket (transformers _relative_position_bucket)', () => {
  it('gives exact buckets near, logarithmic ones far, and splits left from right in the encoder', () => {
    // 32 buckets, max distance 128, as every T5 checkpoint has them.
    expect([0, -1, 1, -7, 7].map((r) => relativeBucket(r, true, 32, 128))).toEqual([0, 1, 17, 7, 23]);
    // 16 buckets a side, 8 exact: 20 → 8 + trunc(log(20/8) / log(128/8) · 8) = 8 + 2.
    expect(relativeBucket(-20, true, 32, 128)).toBe(10);
    expect(relativeBucket(20, true, 32, 128)).toBe(26);
    expect(relativeBucket(-1000, true, 32, 128)).toBe(15);
    // The decoder looks back only: a later key is distance 0's bucket (and masked anyway).
    expect([0, -1, -15, -16, -20, 5].map((r) => relativeBucket(r, false, 32, 128))).toEqual([0, 1, 15, 16, 17, 0]);
  });
});

describe('T5 whole-model graph for looking inside', () => {
  for (const [label, c] of [
    ['T5 v1.1 (gated GELU, own head)', { ...base, gatedGelu: true }],
    ['T5 v1.0 (ReLU, tied head)', { ...base, tiedEmbeddings: true }],
  ] as const) {
    it(`${label}: matches the reference in fp32, rows sum to 1, nothing reads ahead or the padding`, async () => {
      const weights = randomWeights(c, 4);
      if (c.tiedEmbeddings) weights['lm_head.weight'] = weights['shared.weight']!;
      const out = await runGraph(buildT5Inside({ config: c, weights, doc: 'test' }), feeds());
      expectMatches(c, out, referenceT5(c, weights, source, target, mask), 1e-4);
      for (let l = 0; l < c.numLayers; l++) {
        for (const stack of ['encoder', 'decoder', 'cross'] as const) expectRowsSumToOne(out[attentionOutput(l + 1, stack)]);
        const self = out[attentionOutput(l + 1, 'decoder')]!.data as Float32Array;
        const n = target.length;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(self[i * n + j]).toBe(0);
        const cross = out[attentionOutput(l + 1, 'cross')]!.data as Float32Array;
        for (let i = 0; i < 2 * n; i++) expect(cross[i * source.length + 7]).toBe(0);
      }
    });
  }

  it('q8: exactly the model with rounded weights, and close to fp32', async () => {
    const c = { ...base, gatedGelu: true };
    const weights = randomWeights(c, 9);
    const q8 = quantizeModel(buildT5Inside({ config: c, weights, doc: 'test' }), { minElements: 64 });
    const names = quantizedWeightNames(q8);
    expect(names).toContain('encoder.block.0.layer.0.SelfAttention.q.weight');
    expectMatches(c, await runGraph(q8, feeds(), 'basic'), referenceT5(c, dequantizedWeights(weights, names), source, target, mask), 1e-4);
    expectMatches(c, await runGraph(q8, feeds()), referenceT5(c, weights, source, target, mask), 0.05);
  });
});
