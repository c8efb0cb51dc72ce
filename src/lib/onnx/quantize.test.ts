import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { buildBertModel } from './bert-model';
import { CLASSIFIER_HEAD, TINY_CONFIG, tinyClassifierWeights } from './classifier-testing';
import { decodeModel, serializeModel } from './graph-builder';
import { DataType } from './onnx-types';
import { quantizeActivations } from './dynamic-quantize';
import { dequantizeTensor, quantizeModel, quantizeTensor, transposeQuantizedInPlace } from './quantize';
import { seededRandom } from './fixture/feature-space';

const random = seededRandom(3);
const sample = (n: number, lo: number, hi: number) => Float32Array.from({ length: n }, () => lo + random() * (hi - lo));

describe('quantizeTensor', () => {
  it.each([
    ['uint8, mixed signs', sample(1000, -0.7, 1.9), false],
    ['uint8, all positive', sample(1000, 0.2, 3), false],
    ['uint8, all negative', sample(1000, -5, -1), false],
    ['int8 symmetric', sample(1000, -0.7, 1.9), true],
  ] as const)('%s: error within one step, zero exact', (_, values, signed) => {
    const withZero = Float32Array.from([...values, 0]);
    const q = quantizeTensor(withZero, signed);
    const back = dequantizeTensor(q);
    let worst = 0;
    withZero.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (back[i] as number)))));
    // [1] in quantize.ts: s / 2 from rounding, up to s at the top edge once z is rounded.
    expect(worst).toBeLessThanOrEqual(q.scale * 1.0001);
    expect(back[withZero.length - 1]).toBe(0);
    if (signed) expect(q.zeroPoint).toBe(0);
  });

  it('spreads the range over the 256 uint8 codes', () => {
    const q = quantizeTensor(Float32Array.of(-1, 0, 1));
    expect(q.scale).toBeCloseTo(2 / 255, 7);
    const [lo, zero, hi] = Array.from(q.data);
    expect(lo).toBeLessThanOrEqual(1);
    expect(zero).toBe(q.zeroPoint);
    expect(hi).toBeGreaterThanOrEqual(254);
  });

  it('handles an all-zero tensor', () => {
    const q = quantizeTensor(new Float32Array(8));
    expect(Array.from(dequantizeTensor(q))).toEqual(new Array(8).fill(0));
  });
});

describe('quantizeModel', () => {
  // A sentence classifier: pooled [CLS] → Linear(hidden → 2).
  const config = TINY_CONFIG;
  const head = CLASSIFIER_HEAD;
  const weights = tinyClassifierWeights(5);
  const fp32 = buildBertModel({ config, head, weights });
  const q8 = quantizeModel(fp32, { minElements: 1024 });

  it('stores large MatMul/Gather weights as uint8 behind DequantizeLinear, leaves the rest', () => {
    const model = decodeModel(serializeModel(q8));
    const dq = model.graph.node.filter((n) => n.op_type === 'DequantizeLinear');
    const quantized = dq.map((n) => n.output[0]);
    expect(quantized).toContain('bert.embeddings.word_embeddings.weight'); // Gather, 64 × 32
    expect(quantized).toContain('bert.encoder.layer.0.attention.self.query.weight'); // MatMul, 32 × 32
    expect(quantized).not.toContain('classifier.weight'); // 2 × 32: below the threshold
    expect(quantized).not.toContain('bert.embeddings.token_type_embeddings.weight'); // 2 × 32
    expect(model.graph.node.slice(0, dq.length).every((n) => n.op_type === 'DequantizeLinear')).toBe(true);
    const byName = new Map(model.graph.initializer.map((t) => [t.name, t]));
    for (const name of quantized) {
      expect(byName.has(name!)).toBe(false);
      expect(byName.get(`${name}_quantized`)?.data_type).toBe(DataType.UINT8);
    }
    expect(serializeModel(q8).byteLength).toBeLessThan(serializeModel(fp32).byteLength / 2);
  });

  it('gives nearly the same logits as fp32', async () => {
    const run = async (model: typeof fp32) => {
      const session = await ort.InferenceSession.create(serializeModel(model));
      const t = (v: number[]) => new ort.Tensor('int64', BigInt64Array.from(v.map(BigInt)), [1, 5]);
      const out = await session.run({
        input_ids: t([2, 9, 17, 40, 3]),
        attention_mask: t([1, 1, 1, 1, 1]),
        token_type_ids: t([0, 0, 0, 1, 1]),
      });
      return Array.from((out.logits as ort.Tensor).data as Float32Array);
    };
    const [a, b] = [await run(fp32), await run(q8)];
    a.forEach((v, i) => expect(Math.abs(v - (b[i] as number))).toBeLessThan(0.02));
  });

  it('transposes an 8-bit matrix in its own array, for every shape', () => {
    for (const [rows, cols] of [[1, 1], [1, 7], [7, 1], [2, 3], [3, 5], [4, 4], [6, 4], [31, 64]] as const) {
      const data = Uint8Array.from({ length: rows * cols }, (_, i) => (i * 37 + 11) % 256);
      const expected = new Uint8Array(rows * cols);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expected[c * rows + r] = data[r * cols + c]!;
      const q = { data, scale: 0.5, zeroPoint: 3 };
      expect(transposeQuantizedInPlace(q, rows, cols), `${rows}×${cols}`).toBe(q);
      expect(Array.from(q.data), `${rows}×${cols}`).toEqual(Array.from(expected));
    }
  });

  it('builds the same q8 graph from weights quantized as they arrived (no float copy of them)', async () => {
    const names = q8.graph.node.filter((n) => n.op_type === 'DequantizeLinear').map((n) => n.output[0]!);
    const packed = new Map(names.map((name) => [name, quantizeTensor(weights[name]!)]));
    const floats = Object.fromEntries(Object.entries(weights).filter(([name]) => !packed.has(name)));
    const arrived = new Map([...packed].map(([name, q]) => [name, q.data]));
    const built = buildBertModel({ config, head, weights: floats, packed });
    const tensors = (m: typeof q8) => new Map(m.graph.initializer.map((t) => [t.name, Array.from(t.raw_data ?? [])]));
    expect(tensors(built)).toEqual(tensors(q8));
    // The builder took every packed weight and kept no copy of it (PackedWeights [3]): every 8-bit
    // initializer, transposed matrices included, is the very array that arrived.
    expect(packed.size).toBe(0);
    const raw = new Map(built.graph.initializer.map((t) => [t.name, t.raw_data!.buffer]));
    for (const [name, data] of arrived) expect(raw.get(`${name}_quantized`), name).toBe(data.buffer);
    const sorted = (m: typeof q8) => m.graph.node.map((n) => `${n.op_type}(${n.input.join(',')})->${n.output.join(',')}`).sort();
    expect(sorted(built)).toEqual(sorted(q8));
  });

  it('quantizes the activations too: MatMulInteger on 8-bit weights, Gather of 8-bit rows, one quantizer per activation', () => {
    const dynamic = decodeModel(serializeModel(quantizeActivations(q8)));
    const ops = dynamic.graph.node.map((n) => n.op_type);
    const byOutput = new Map(dynamic.graph.node.map((n) => [n.output[0], n]));
    // No float MatMul reads a dequantized weight any more; the attention MatMuls (activation × activation) stay float.
    for (const n of dynamic.graph.node.filter((m) => m.op_type === 'MatMul')) expect(byOutput.get(n.input[1])?.op_type).not.toBe('DequantizeLinear');
    expect(ops.filter((o) => o === 'MatMulInteger')).toHaveLength(7); // Q, K, V, out, FFN in, FFN out, pooler
    // Q, K and V read one activation: quantized once for the three.
    expect(ops.filter((o) => o === 'DynamicQuantizeLinear')).toHaveLength(5);
    const word = dynamic.graph.node.find((n) => n.op_type === 'Gather' && n.input[0] === 'bert.embeddings.word_embeddings.weight_quantized');
    expect(byOutput.has('bert.embeddings.word_embeddings.weight')).toBe(false); // the table is never widened whole
    expect(word).toBeDefined();
  });
});
