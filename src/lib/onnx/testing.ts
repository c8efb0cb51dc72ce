import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';
import type { BertHead } from './bert-head';
import type { EncoderConfig, WeightMap } from './bert-names';
import { buildBertModel, referenceForward, type ReferenceInputs } from './bert-model';
import { seededRandom } from './fixture/feature-space';
import { serializeModel } from './graph-builder';
import type { ModelProto } from './onnx-types';
import { quantizeActivations } from './dynamic-quantize';
import { dequantizeTensor, quantizeModel, quantizeTensor } from './quantize';
import { blankWeights } from './weight-shapes';

/*
 * For tests of the graph builder and of every hat's head (head.test.ts): build the graph, run it in
 * ONNX Runtime for Node, and hold it against the loop-by-loop reference.
 */

/** Hugging Face names of the weights a quantized model stores as 8-bit (its DequantizeLinear outputs). */
export function quantizedWeightNames(model: ModelProto): string[] {
  return model.graph.node.filter((n) => n.op_type === 'DequantizeLinear').map((n) => n.output[0] as string);
}

/**
 * The weights as the quantized graph sees them: each named tensor rounded to
 * its 8-bit grid and back. Per-tensor scale and zero point depend only on the
 * set of values, so rounding the PyTorch-layout tensor gives the same numbers
 * as rounding the transposed copy in the graph. A reference forward pass on
 * these weights must match the q8 graph as closely as fp32 matches fp32.
 */
export function dequantizedWeights(weights: WeightMap, names: Iterable<string>, signed = false): WeightMap {
  const out: Record<string, Float32Array> = { ...weights };
  for (const name of names) {
    const data = weights[name];
    if (!data) throw new Error(`no weight ${name} to dequantize`);
    out[name] = dequantizeTensor(quantizeTensor(data, signed));
  }
  return out;
}

/** A small two-layer encoder config for graph-vs-reference checks. */
export function testConfig(family: EncoderConfig['family']): EncoderConfig {
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

function randomWeights(c: EncoderConfig, head: BertHead): WeightMap {
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
    const real = perToken === perRow ? perRow : inputs.attentionMask[b]!.filter(Boolean).length * perToken;
    for (let i = 0; i < real; i++) worst = Math.max(worst, Math.abs(data[b * perRow + i]! - want.data[b * perRow + i]!));
  }
  return worst;
}

const Q8_TOLERANCE = 0.05;

/**
 * The head's graph must compute exactly what its reference maths compute, on random weights with a
 * padded batch (the attention mask must hide the padding):
 *  - fp32 graph vs reference: within 1e-4 (float32 vs float64 rounding);
 *  - q8 graph vs reference on the 8-bit-rounded weights, ONNX Runtime at
 *    optimization level 'basic': within 1e-4 too, so the quantized graph is
 *    exactly "the model with rounded weights";
 *  - q8 graph at the default level ('all') vs fp32 reference: within
 *    Q8_TOLERANCE. At 'extended' and above ONNX Runtime fuses each
 *    DequantizeLinear + MatMul into one MatMulNBits kernel, which also rounds
 *    the activations, so the numbers move a little more than weight rounding
 *    alone explains (about 0.01 here; random weights of size ~0.2, two layers);
 *  - dynamic q8 (quantizeActivations: activations rounded to 8 bits too, as the
 *    checkpoint hats run) vs fp32 reference: within Q8_TOLERANCE as well.
 */
export async function expectGraphMatchesReference(family: EncoderConfig['family'], head: BertHead): Promise<void> {
  const c = testConfig(family);
  const weights = randomWeights(c, head);
  const fp32 = buildBertModel({ config: c, head, weights });
  // minElements 256 so that the small test matrices (16 × 16, 40 × 16, 16 × 64) are quantized too.
  const q8 = quantizeModel(fp32, { minElements: 256 });
  const names = quantizedWeightNames(q8);
  expect(names.length).toBeGreaterThan(5);
  const want = referenceForward(c, head, weights, inputs);
  const wantQ8 = referenceForward(c, head, dequantizedWeights(weights, names), inputs);
  const dynamic = quantizeActivations(q8);
  expect(dynamic.graph.node.some((n) => n.op_type === 'MatMulInteger')).toBe(true);
  const [got, gotQ8, gotQ8Basic, gotDynamic] = [await run(fp32, family), await run(q8, family), await run(q8, family, 'basic'), await run(dynamic, family)];
  const outputs = head.outputs(c).map((o) => o.name);
  expect(Object.keys(got).sort()).toEqual([...outputs].sort());
  for (const name of outputs) {
    expect(maxDiff(got[name]!, want[name]!), `fp32 ${name}`).toBeLessThan(1e-4);
    expect(maxDiff(gotQ8Basic[name]!, wantQ8[name]!), `q8 ${name} vs rounded weights`).toBeLessThan(1e-4);
    const cost = maxDiff(gotQ8[name]!, want[name]!);
    expect(cost, `q8 ${name} vs fp32`).toBeLessThan(Q8_TOLERANCE);
    expect(cost, `q8 ${name} differs from fp32 at all`).toBeGreaterThan(0);
    expect(maxDiff(gotDynamic[name]!, want[name]!), `dynamic q8 ${name} vs fp32`).toBeLessThan(Q8_TOLERANCE);
  }
}
