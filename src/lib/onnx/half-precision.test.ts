import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import type { EncoderConfig } from './bert-names';
import { linearShapes, type BertHead } from './bert-head';
import { buildBertModel } from './bert-model';
import { linear } from './layers';
import { serializeModel } from './graph-builder';
import { DataType } from './onnx-types';
import { toHalfPrecision } from './half-precision';
import { seededRandom } from './fixture/feature-space';
import { weightShapes } from './weight-shapes';

const config: EncoderConfig = { family: 'bert', vocabSize: 20, hiddenSize: 16, numLayers: 1, numHeads: 2, intermediateSize: 32, maxPositions: 16, typeVocabSize: 2, layerNormEps: 1e-12 };
/** A plain token classifier, for a float output to look at: classifier Linear(hidden → 3) on every token. */
const head: BertHead = {
  name: 'probe',
  shapes: (c) => linearShapes('classifier', 3, c.hiddenSize),
  outputs: () => [{ name: 'logits', dims: ['batch_size', 'sequence_length', 3] }],
  build: (ctx, c, hidden) => [linear(ctx, hidden, 'classifier', c.hiddenSize, 3)],
  reference: () => [],
};
const random = seededRandom(9);
const weights = Object.fromEntries(weightShapes(config, head).map(([name, shape]) => [name, Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random() - 0.5)]));

describe('toHalfPrecision', () => {
  it('stores the weights in float16 and answers in float16, close to the float32 model', async () => {
    const model = buildBertModel({ config, head, weights });
    const half = toHalfPrecision(model);
    const count = (m: typeof model, type: number) => m.graph.initializer.filter((t) => t.data_type === type && t.dims.length > 0).length;
    expect(count(half, DataType.FLOAT16)).toBe(count(model, DataType.FLOAT));
    expect(count(half, DataType.FLOAT)).toBe(0);
    const feeds = () => ({
      input_ids: new ort.Tensor('int64', BigInt64Array.from([2n, 7n, 11n, 3n]), [1, 4]),
      attention_mask: new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 1n, 1n]), [1, 4]),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(4), [1, 4]),
    });
    const full = (await (await ort.InferenceSession.create(serializeModel(model))).run(feeds())).logits!;
    const halved = (await (await ort.InferenceSession.create(serializeModel(half))).run(feeds())).logits!;
    expect(halved.type).toBe('float16');
    const values = Array.from(halved.data as unknown as ArrayLike<number>, Number);
    // Node's Tensor hands float16 back as the raw 16-bit patterns (or as Float16Array where the runtime has one).
    const asFloats = (halved.data as Uint16Array).constructor.name === 'Uint16Array' ? values.map(halfBits) : values;
    asFloats.forEach((v, i) => expect(v).toBeCloseTo((full.data as Float32Array)[i]!, 2));
  });
});

function halfBits(h: number): number {
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  return sign * (exp === 0 ? frac * 2 ** -24 : 2 ** (exp - 15) * (1 + frac / 1024));
}
