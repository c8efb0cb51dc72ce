import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, serializeModel } from '../graph-builder';
import { mulberry32 } from '../../random';
import { feedForward } from './layers';
import type { T5Config } from './names';

/*
 * T5's two feed-forwards against the formulas in plain JavaScript: ReLU (T5 v1.0) and the gated
 * GELU of T5 v1.1 / FLAN-T5, wo(gelu_new(wi_0·x) · wi_1·x), on random numbers.
 */

const D = 4;
const F = 6;
const config: T5Config = { vocabSize: 8, dModel: D, dKv: 2, dFf: F, numLayers: 1, numDecoderLayers: 1, numHeads: 2, relativeAttentionNumBuckets: 8, relativeAttentionMaxDistance: 16, layerNormEpsilon: 1e-6 };
const random = mulberry32(3);
const rand = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
const geluNew = (v: number) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)));
/** nn.Linear without bias: W [out, in] · x. */
const apply = (w: Float32Array, x: number[], out: number) => Array.from({ length: out }, (_, o) => x.reduce((s, v, i) => s + v * w[o * x.length + i]!, 0));

async function run(gated: boolean, weights: Record<string, Float32Array>, x: Float32Array): Promise<Float32Array> {
  const g = new GraphBuilder('ffn');
  g.input('x', 'float32', [1, 1, D]);
  g.renameValue(feedForward({ g, weights, config: { ...config, gatedGelu: gated } }, 'x', 'ffn'), 'y');
  g.output('y', 'float32', [1, 1, D]);
  const session = await ort.InferenceSession.create(serializeModel(g.toModel()));
  const out = await session.run({ x: new ort.Tensor('float32', x, [1, 1, D]) });
  return out.y!.data as Float32Array;
}

describe('T5 feed-forward', () => {
  const x = rand(D);
  it('ReLU: wo(relu(wi·x))', async () => {
    const w = { 'ffn.wi.weight': rand(F * D), 'ffn.wo.weight': rand(D * F) };
    const hidden = apply(w['ffn.wi.weight'], Array.from(x), F).map((v) => Math.max(0, v));
    const want = apply(w['ffn.wo.weight'], hidden, D);
    Array.from(await run(false, w, x)).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
  });
  it('gated GELU: wo(gelu_new(wi_0·x) · wi_1·x)', async () => {
    const w = { 'ffn.wi_0.weight': rand(F * D), 'ffn.wi_1.weight': rand(F * D), 'ffn.wo.weight': rand(D * F) };
    const gate = apply(w['ffn.wi_0.weight'], Array.from(x), F).map(geluNew);
    const up = apply(w['ffn.wi_1.weight'], Array.from(x), F);
    const want = apply(w['ffn.wo.weight'], gate.map((v, i) => v * up[i]!), D);
    Array.from(await run(true, w, x)).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
  });
});
