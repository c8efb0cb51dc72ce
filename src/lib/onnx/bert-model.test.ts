import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import {
  blankWeights,
  embeddingNames,
  headNames,
  layerNames,
  type EncoderConfig,
  type HeadSpec,
  type WeightMap,
} from './bert-names';
import { buildBertModel } from './bert-model';
import { serializeModel } from './graph-builder';
import { seededRandom } from './testing/feature-space';

/*
 * The graph must compute exactly what BERT / DistilBERT compute, so that real
 * checkpoints can go through the same builder. This checks it against a
 * textbook forward pass written out loop by loop, on random weights, with a
 * padded batch (the attention mask must hide the padding).
 */

type Vec = number[];
const sum = (v: Vec) => v.reduce((a, b) => a + b, 0);
const add = (a: Vec, b: Vec) => a.map((x, i) => x + (b[i] as number));

/** Abramowitz & Stegun 7.1.26, |error| < 1.5e-7: plenty for a 1e-4 comparison (JS has no Math.erf). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return Math.sign(x) * (1 - poly * Math.exp(-x * x));
}
const gelu = (x: number) => 0.5 * x * (1 + erf(x / Math.SQRT2));

function reference(config: EncoderConfig, head: HeadSpec, w: WeightMap, ids: number[], types: number[]): Vec[] {
  const h = config.hiddenSize;
  const get = (name: string) => w[name] as Float32Array;
  const row = (name: string, r: number) => Array.from(get(name).subarray(r * h, (r + 1) * h));
  const linear = (x: Vec, module: string, out: number): Vec => {
    const [W, b] = [get(`${module}.weight`), get(`${module}.bias`)];
    return Array.from({ length: out }, (_, o) => b[o]! + sum(x.map((xi, i) => W[o * x.length + i]! * xi)));
  };
  const norm = (x: Vec, module: string): Vec => {
    const mean = sum(x) / x.length;
    const std = Math.sqrt(sum(x.map((v) => (v - mean) ** 2)) / x.length + config.layerNormEps);
    return x.map((v, i) => ((v - mean) / std) * get(`${module}.weight`)[i]! + get(`${module}.bias`)[i]!);
  };

  const e = embeddingNames(config);
  let xs = ids.map((id, p) => {
    const v = add(row(e.word, id), row(e.position, p));
    return norm(config.typeVocabSize ? add(v, row(e.tokenType, types[p]!)) : v, e.norm);
  });
  const heads = config.numHeads;
  const d = h / heads;
  for (let l = 0; l < config.numLayers; l++) {
    const n = layerNames(config, l);
    const [q, k, v] = [n.query, n.key, n.value].map((m) => xs.map((x) => linear(x, m, h))) as [Vec[], Vec[], Vec[]];
    xs = xs.map((x, i) => {
      const context: Vec = new Array(h).fill(0);
      for (let hd = 0; hd < heads; hd++) {
        const dims = Array.from({ length: d }, (_, t) => hd * d + t);
        const scores = k.map((kj) => sum(dims.map((t) => q[i]![t]! * kj[t]!)) / Math.sqrt(d));
        const top = Math.max(...scores);
        const weights = scores.map((s) => Math.exp(s - top));
        const z = sum(weights);
        weights.forEach((p, j) => dims.forEach((t) => (context[t]! += (p / z) * v[j]![t]!)));
      }
      const attended = norm(add(x, linear(context, n.attentionOut, h)), n.attentionNorm);
      const ffn = linear(linear(attended, n.ffnIn, config.intermediateSize).map(gelu), n.ffnOut, h);
      return norm(add(attended, ffn), n.outputNorm);
    });
  }

  const hn = headNames(config);
  if (head.kind === 'masked-lm') {
    return xs.map((x) => {
      const t = norm(linear(x, hn.mlmTransform, h).map(gelu), hn.mlmNorm);
      const words = Array.from({ length: config.vocabSize }, (_, id) => id);
      return words.map((id) => get(hn.mlmBias)[id]! + sum(row(e.word, id).map((ev, i) => ev * t[i]!)));
    });
  }
  const cls = xs[0]!;
  const pooled =
    config.family === 'bert'
      ? linear(cls, hn.pooler, h).map(Math.tanh)
      : linear(cls, hn.preClassifier, h).map((a) => Math.max(0, a));
  return [linear(pooled, hn.classifier, head.numLabels)];
}

function randomWeights(config: EncoderConfig, head: HeadSpec): WeightMap {
  const weights = blankWeights(config, head);
  const random = seededRandom(7);
  for (const data of Object.values(weights)) {
    for (let i = 0; i < data.length; i++) data[i]! += (random() - 0.5) * 0.4; // norm scales stay near 1
  }
  return weights;
}

const cases: [EncoderConfig['family'], HeadSpec][] = [
  ['bert', { kind: 'masked-lm' }],
  ['bert', { kind: 'sequence-classification', numLabels: 3 }],
  ['distilbert', { kind: 'sequence-classification', numLabels: 2 }],
];

describe('buildBertModel matches a reference forward pass', () => {
  it.each(cases)('%s %o', async (family, head) => {
    const config: EncoderConfig = {
      family,
      vocabSize: 20,
      hiddenSize: 8,
      numLayers: 2,
      numHeads: 2,
      intermediateSize: 12,
      maxPositions: 16,
      typeVocabSize: family === 'bert' ? 2 : 0,
      layerNormEps: 1e-12,
    };
    const weights = randomWeights(config, head);
    const session = await ort.InferenceSession.create(serializeModel(buildBertModel({ config, head, weights })));
    const ids = [[2, 7, 9, 3, 11, 3], [2, 5, 3, 0, 0, 0]];
    const mask = [[1, 1, 1, 1, 1, 1], [1, 1, 1, 0, 0, 0]];
    const types = [[0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 0]];
    const tensor = (rows: number[][]) => new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [2, 6]);
    const feeds: Record<string, ort.Tensor> = { input_ids: tensor(ids), attention_mask: tensor(mask) };
    if (family === 'bert') feeds.token_type_ids = tensor(types);
    const logits = (await session.run(feeds)).logits as ort.Tensor;

    const width = head.kind === 'masked-lm' ? config.vocabSize : head.numLabels;
    expect(logits.dims).toEqual(head.kind === 'masked-lm' ? [2, 6, width] : [2, width]);
    const got = logits.data as Float32Array;
    for (let b = 0; b < 2; b++) {
      // The reference never sees the padding; the graph must give the same numbers for the real tokens.
      const real = sum(mask[b]!);
      const want = reference(config, head, weights, ids[b]!.slice(0, real), types[b]!.slice(0, real)).flat();
      want.forEach((value, i) => expect(got[(b * got.length) / 2 + i]).toBeCloseTo(value, 4));
    }
  });
});
