import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import { attentionOutput, hiddenOutput, LENS_IDS, LENS_PROBS } from '../inside-outputs';
import { expectRowsSumToOne, int64Tensor, maxDiff, runGraph } from '../inside-testing';
import { quantizeModel } from '../quantize';
import { dequantizedWeights, quantizedWeightNames } from '../testing';
import { buildGpt2Model } from './gpt2-model';
import { gpt2WeightShapes, type Gpt2Config } from './gpt2-names';
import { referenceGpt2 } from './reference';

/*
 * The inside outputs of the GPT-2 graph (every layer's attention weights and hidden state, the
 * logit lens) against the float64 reference on random weights:
 *  - fp32 within 1e-4; the lens names the same top guesses;
 *  - q8 at ONNX Runtime's 'basic' level vs the reference on the 8-bit-rounded weights: 1e-4;
 *  - q8 at the default level vs the fp32 reference: within 0.05;
 *  - every attention row sums to 1 and is 0 above the diagonal.
 */

const c: Gpt2Config = { vocabSize: 23, hiddenSize: 16, numLayers: 2, numHeads: 2, innerSize: 32, maxPositions: 16, layerNormEps: 1e-5 };
const K = 3;
const random = mulberry32(12);
const weights: Record<string, Float32Array> = Object.fromEntries(
  gpt2WeightShapes(c).map(([name, shape]) => [
    name,
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (/\.ln_\w+\.weight$/.test(name) ? 0.8 + 0.4 * random() : (random() - 0.5) * 0.8)),
  ]),
);
const ids = [3, 17, 5, 5, 20, 1];
const feeds = () => ({ input_ids: int64Tensor([ids]), attention_mask: int64Tensor([ids.map(() => 1)]) });
const model = buildGpt2Model({ config: c, weights, withPast: false, inside: { lensTopK: K } });

function expectMatches(out: Record<string, ort.Tensor>, want: ReturnType<typeof referenceGpt2>, tolerance: number) {
  expect(maxDiff(out.logits, want.logits), 'logits').toBeLessThan(tolerance);
  for (let l = 0; l < c.numLayers; l++) expect(maxDiff(out[attentionOutput(l + 1)], want.attentions[l]!), `attentions.${l + 1}`).toBeLessThan(tolerance);
  for (let l = 0; l <= c.numLayers; l++) expect(maxDiff(out[hiddenOutput(l)], want.hidden[l]!), `hidden_states.${l}`).toBeLessThan(tolerance);
  expect(maxDiff(out[LENS_PROBS], want.lens.map((layer) => layer.map((t) => t.probs))), 'lens probabilities').toBeLessThan(tolerance);
}

describe('GPT-2 inside outputs', () => {
  it('match the reference in fp32: attention, hidden states, lens', async () => {
    const want = referenceGpt2(c, weights, ids, K);
    const out = await runGraph(model, feeds());
    expectMatches(out, want, 1e-4);
    expect(out[LENS_IDS]!.dims).toEqual([c.numLayers + 1, 1, ids.length, K]);
    expect(Array.from(out[LENS_IDS]!.data as BigInt64Array, Number)).toEqual(want.lens.flatMap((layer) => layer.flatMap((t) => t.ids)));
    // The lens of the last layer is the model's own prediction.
    const last = want.logits.map((row) => row.indexOf(Math.max(...row)));
    expect(want.lens[c.numLayers]!.map((t) => t.ids[0])).toEqual(last);
  });

  it('causal: every row sums to 1 and no token reads a later one', async () => {
    const out = await runGraph(model, feeds());
    for (let l = 0; l < c.numLayers; l++) {
      const t = out[attentionOutput(l + 1)]!;
      expect(t.dims).toEqual([1, c.numHeads, ids.length, ids.length]);
      expectRowsSumToOne(t);
      const data = t.data as Float32Array;
      for (let hd = 0; hd < c.numHeads; hd++)
        for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) expect(data[(hd * ids.length + i) * ids.length + j]).toBe(0);
    }
  });

  it('q8: exactly the model with rounded weights, and close to fp32', async () => {
    const q8 = quantizeModel(model, { minElements: 128 });
    const names = quantizedWeightNames(q8);
    expect(names).toContain('transformer.h.0.attn.c_attn.weight');
    expectMatches(await runGraph(q8, feeds(), 'basic'), referenceGpt2(c, dequantizedWeights(weights, names), ids, K), 1e-4);
    const out = await runGraph(q8, feeds());
    expectMatches(out, referenceGpt2(c, weights, ids, K), 0.05);
    for (let l = 0; l < c.numLayers; l++) expectRowsSumToOne(out[attentionOutput(l + 1)]);
  });

  it('is only built without a cache', () => {
    expect(() => buildGpt2Model({ config: c, weights, withPast: true, inside: { lensTopK: K } })).toThrow(/without a cache/);
  });
});
