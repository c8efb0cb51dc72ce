import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import type { EncoderConfig, HeadSpec, WeightMap } from './bert-names';
import { blankWeights } from './weight-shapes';
import { buildBertModel } from './bert-model';
import { serializeModel } from './graph-builder';
import { headOutputs } from './head-outputs';
import { quantizeModel } from './quantize';
import { referenceForward, type ReferenceInputs } from './reference';
import { seededRandom } from './testing/feature-space';
import { dequantizedWeights, quantizedWeightNames } from './testing/quantized-weights';
import type { ModelProto } from './onnx-types';

/*
 * The graph must compute exactly what BERT / DistilBERT compute, so that real
 * checkpoints can go through the same builder. Every head is checked against
 * the loop-by-loop reference (reference.ts) on random weights, with a padded
 * batch (the attention mask must hide the padding):
 *  - fp32 graph vs reference: within 1e-4 (float32 vs float64 rounding);
 *  - q8 graph vs reference on the 8-bit-rounded weights, ONNX Runtime at
 *    optimization level 'basic': within 1e-4 too, so the quantized graph is
 *    exactly "the model with rounded weights";
 *  - q8 graph at the default level ('all') vs fp32 reference: within
 *    Q8_TOLERANCE. At 'extended' and above ONNX Runtime fuses each
 *    DequantizeLinear + MatMul into one MatMulNBits kernel, which also rounds
 *    the activations, so the numbers move a little more than weight rounding
 *    alone explains (about 0.01 here; random weights of size ~0.2, two layers).
 */

const Q8_TOLERANCE = 0.05;

function config(family: EncoderConfig['family']): EncoderConfig {
  return {
    family,
    vocabSize: 40,
    hiddenSize: 16,
    numLayers: 2,
    numHeads: 2,
    intermediateSize: 64,
    maxPositions: 16,
    typeVocabSize: family === 'bert' ? 2 : 0,
    layerNormEps: 1e-12,
  };
}

function randomWeights(c: EncoderConfig, head: HeadSpec): WeightMap {
  const weights = blankWeights(c, head);
  const random = seededRandom(7);
  for (const data of Object.values(weights)) {
    for (let i = 0; i < data.length; i++) data[i]! += (random() - 0.5) * 0.4; // norm scales stay near 1
  }
  return weights;
}

const inputs: Required<ReferenceInputs> = {
  inputIds: [[2, 7, 9, 3, 11, 3], [2, 5, 3, 0, 0, 0]],
  attentionMask: [[1, 1, 1, 1, 1, 1], [1, 1, 1, 0, 0, 0]],
  tokenTypeIds: [[0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 0]],
};

async function run(model: ModelProto, family: EncoderConfig['family'], level: 'basic' | 'all' = 'all') {
  const session = await ort.InferenceSession.create(serializeModel(model), { graphOptimizationLevel: level });
  const tensor = (rows: number[][]) => new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [2, 6]);
  const feeds: Record<string, ort.Tensor> = { input_ids: tensor(inputs.inputIds), attention_mask: tensor(inputs.attentionMask) };
  if (family === 'bert') feeds.token_type_ids = tensor(inputs.tokenTypeIds);
  const out = await session.run(feeds);
  await session.release();
  return out;
}

/** Largest |a − b| over the real (unpadded) tokens; padded rows are garbage in both and compared too for sentence outputs. */
function maxDiff(got: ort.Tensor, want: { dims: number[]; data: Float32Array }): number {
  expect(got.dims).toEqual(want.dims);
  const data = got.data as Float32Array;
  const perRow = data.length / 2;
  const perToken = want.dims.length >= 2 && want.dims[1] === 6 ? perRow / 6 : perRow;
  let worst = 0;
  for (let b = 0; b < 2; b++) {
    const real = perToken === perRow ? perRow : (inputs.attentionMask[b]!.filter(Boolean).length * perToken);
    for (let i = 0; i < real; i++) worst = Math.max(worst, Math.abs(data[b * perRow + i]! - want.data[b * perRow + i]!));
  }
  return worst;
}

const cases: [EncoderConfig['family'], HeadSpec][] = [
  ['bert', { kind: 'base' }],
  ['distilbert', { kind: 'base' }],
  ['bert', { kind: 'masked-lm' }],
  ['bert', { kind: 'sequence-classification', numLabels: 3 }],
  ['distilbert', { kind: 'sequence-classification', numLabels: 2 }],
  ['bert', { kind: 'token-classification', numLabels: 5 }],
  ['distilbert', { kind: 'token-classification', numLabels: 3 }],
  ['bert', { kind: 'question-answering' }],
  ['distilbert', { kind: 'question-answering' }],
  ['bert', { kind: 'multiple-choice' }],
  ['distilbert', { kind: 'multiple-choice' }],
  ['bert', { kind: 'next-sentence-prediction' }],
  ['bert', { kind: 'pretraining' }],
];

describe('buildBertModel matches the reference forward pass', () => {
  it.each(cases)('%s %o: fp32 and q8', async (family, head) => {
    const c = config(family);
    const weights = randomWeights(c, head);
    const fp32 = buildBertModel({ config: c, head, weights });
    const q8 = quantizeModel(fp32, { minElements: 256 });
    const names = quantizedWeightNames(q8);
    expect(names.length).toBeGreaterThan(5);
    const want = referenceForward(c, head, weights, inputs);
    const wantQ8 = referenceForward(c, head, dequantizedWeights(weights, names), inputs);
    // minElements 256 so that the small test matrices (16 × 16, 40 × 16, 16 × 64) are quantized too.
    const [got, gotQ8, gotQ8Basic] = [await run(fp32, family), await run(q8, family), await run(q8, family, 'basic')];
    const outputs = headOutputs(c, head).map((o) => o.name);
    expect(Object.keys(got).sort()).toEqual([...outputs].sort());
    for (const name of outputs) {
      expect(maxDiff(got[name]!, want[name]!), `fp32 ${name}`).toBeLessThan(1e-4);
      expect(maxDiff(gotQ8Basic[name]!, wantQ8[name]!), `q8 ${name} vs rounded weights`).toBeLessThan(1e-4);
      const cost = maxDiff(gotQ8[name]!, want[name]!);
      expect(cost, `q8 ${name} vs fp32`).toBeLessThan(Q8_TOLERANCE);
      expect(cost, `q8 ${name} differs from fp32 at all`).toBeGreaterThan(0);
    }
  });

  it('names the outputs as transformers.js expects', () => {
    const c = config('bert');
    expect(headOutputs(c, { kind: 'question-answering' }).map((o) => o.name)).toEqual(['start_logits', 'end_logits']);
    expect(headOutputs(c, { kind: 'pretraining' }).map((o) => o.name)).toEqual(['prediction_logits', 'seq_relationship_logits']);
    expect(headOutputs(c, { kind: 'base' })[0]).toEqual({ name: 'last_hidden_state', dims: ['batch_size', 'sequence_length', 16] });
    expect(headOutputs(c, { kind: 'multiple-choice' })[0]?.dims).toEqual(['batch_size', 1]);
  });

  it('refuses NSP and pretraining heads on DistilBERT, and names a missing tensor', () => {
    const c = config('distilbert');
    expect(() => blankWeights(c, { kind: 'next-sentence-prediction' })).toThrow(/pooler/);
    const b = config('bert');
    const weights = { ...blankWeights(b, { kind: 'next-sentence-prediction' }) };
    delete weights['cls.seq_relationship.weight'];
    expect(() => buildBertModel({ config: b, head: { kind: 'next-sentence-prediction' }, weights })).toThrow(
      /cls\.seq_relationship\.weight/,
    );
  });
});
