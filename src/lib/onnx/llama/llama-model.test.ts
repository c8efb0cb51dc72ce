import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import { serializeModel } from '../graph-builder';
import { buildLlamaModel, llamaLayerNames, llamaWeightShapes, LLAMA_NAMES, type LlamaConfig } from './llama-model';

/*
 * The Llama graph against Llama's maths written out in plain JavaScript (LlamaForCausalLM: RMS norm,
 * rotary positions in Hugging Face's half-split layout, grouped-query attention, SwiGLU, tied head),
 * for a whole prompt at once and step by step through the cache.
 */

const c: LlamaConfig = { vocabSize: 11, hiddenSize: 8, numLayers: 2, numHeads: 4, numKeyValueHeads: 2, intermediateSize: 12, maxPositions: 32, rmsNormEps: 1e-5, ropeTheta: 10000 };
const d = c.hiddenSize / c.numHeads;
const random = mulberry32(5);
const weights: Record<string, Float32Array> = Object.fromEntries(
  llamaWeightShapes(c).map(([name, shape]) => [name, Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (name.endsWith('norm.weight') ? 0.8 + 0.4 * random() : random() - 0.5))]),
);

type Vec = number[];
const W = (name: string) => weights[name]!;
const linear = (w: Float32Array, x: Vec) => Array.from({ length: w.length / x.length }, (_, o) => x.reduce((s, v, i) => s + v * w[o * x.length + i]!, 0));
const rms = (x: Vec, w: Float32Array) => {
  const r = Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length + c.rmsNormEps);
  return x.map((v, i) => (v / r) * w[i]!);
};
function rope(x: Vec, p: number): Vec {
  const out = [...x];
  for (let j = 0; j < d / 2; j++) {
    const a = p * c.ropeTheta ** ((-2 * j) / d);
    out[j] = x[j]! * Math.cos(a) - x[j + d / 2]! * Math.sin(a);
    out[j + d / 2] = x[j + d / 2]! * Math.cos(a) + x[j]! * Math.sin(a);
  }
  return out;
}

/** Logits at every position of `ids`. */
function reference(ids: number[]): Vec[] {
  let xs = ids.map((id) => Array.from(W(LLAMA_NAMES.embed).subarray(id * c.hiddenSize, (id + 1) * c.hiddenSize)));
  for (let l = 0; l < c.numLayers; l++) {
    const n = llamaLayerNames(l);
    const h = xs.map((x) => rms(x, W(n.inputNorm)));
    const q = h.map((x) => linear(W(n.q), x));
    const k = h.map((x) => linear(W(n.k), x));
    const v = h.map((x) => linear(W(n.v), x));
    const attended = xs.map((_, t) => {
      const out: number[] = [];
      for (let head = 0; head < c.numHeads; head++) {
        const kvHead = Math.floor(head / (c.numHeads / c.numKeyValueHeads));
        const qh = rope(q[t]!.slice(head * d, (head + 1) * d), t);
        const scores = Array.from({ length: t + 1 }, (_, s) => rope(k[s]!.slice(kvHead * d, (kvHead + 1) * d), s).reduce((a, x, i) => a + x * qh[i]!, 0) / Math.sqrt(d));
        const m = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - m));
        const z = e.reduce((a, b) => a + b, 0);
        for (let i = 0; i < d; i++) out.push(e.reduce((a, p, s) => a + (p / z) * v[s]![kvHead * d + i]!, 0));
      }
      return linear(W(n.o), out);
    });
    xs = xs.map((x, t) => x.map((val, i) => val + attended[t]![i]!));
    xs = xs.map((x) => {
      const h2 = rms(x, W(n.postNorm));
      const gate = linear(W(n.gate), h2).map((z) => z / (1 + Math.exp(-z)));
      const up = linear(W(n.up), h2);
      const down = linear(W(n.down), gate.map((g, i) => g * up[i]!));
      return x.map((val, i) => val + down[i]!);
    });
  }
  return xs.map((x) => linear(W(LLAMA_NAMES.embed), rms(x, W(LLAMA_NAMES.norm))));
}

const int64 = (xs: number[]) => new ort.Tensor('int64', BigInt64Array.from(xs, BigInt), [1, xs.length]);

describe('the Llama graph', () => {
  it('gives Llama’s logits for a prompt, and the same through the key/value cache', async () => {
    const session = await ort.InferenceSession.create(serializeModel(buildLlamaModel({ config: c, weights })));
    const ids = [3, 1, 4, 1, 5, 9];
    const want = reference(ids);
    const empty = () => new ort.Tensor('float32', new Float32Array(0), [1, c.numKeyValueHeads, 0, d]);
    const run = async (fresh: number[], total: number, past: Record<string, ort.Tensor>) => {
      const feeds: Record<string, ort.Tensor> = { input_ids: int64(fresh), attention_mask: int64(Array(total).fill(1)), position_ids: int64(fresh.map((_, i) => total - fresh.length + i)), ...past };
      return session.run(feeds);
    };
    const firstPast = Object.fromEntries(Array.from({ length: c.numLayers }, (_, i) => [[`past_key_values.${i}.key`, empty()], [`past_key_values.${i}.value`, empty()]]).flat());
    const whole = await run(ids, ids.length, firstPast);
    const logits = whole.logits!.data as Float32Array;
    want.forEach((row, t) => row.forEach((v, i) => expect(logits[t * c.vocabSize + i]).toBeCloseTo(v, 4)));

    const prefix = await run(ids.slice(0, 4), 4, firstPast);
    const past = Object.fromEntries(Object.entries(prefix).filter(([k]) => k.startsWith('present')).map(([k, t]) => [k.replace('present', 'past_key_values'), t]));
    expect(prefix['present.0.key']!.dims).toEqual([1, c.numKeyValueHeads, 4, d]);
    const step = await run(ids.slice(4), ids.length, past);
    const last = (step.logits!.data as Float32Array).subarray(c.vocabSize);
    want[5]!.forEach((v, i) => expect(last[i]).toBeCloseTo(v, 4));
  });
});
