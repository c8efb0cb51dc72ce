import { softmax } from '../../maths';
import { decoderBlockNames, encoderBlockNames, RELATIVE_BIAS, type T5Config, type T5Weights } from './names';

/*
 * T5ForConditionalGeneration for one source and the decoder tokens so far, loop by loop in
 * float64, written from modeling_t5.py and sharing nothing with the graph builder but the tensor
 * names. Slow: tiny checkpoints only.
 */

type Vec = number[];

export interface T5Reference {
  /** [target position][vocab] */
  logits: Vec[];
  /** [layer][head][query][key] */
  encoderAttentions: Vec[][][];
  decoderAttentions: Vec[][][];
  crossAttentions: Vec[][][];
  /** [layer 0 … L][position][d_model]: residual streams before the final norm. */
  encoderHidden: Vec[][];
  decoderHidden: Vec[][];
}

/**
 * transformers' _relative_position_bucket for one distance (key − query). The logarithmic part
 * is computed in float32, as PyTorch does, so distances on a bucket edge land where they land there.
 */
export function relativeBucket(relative: number, bidirectional: boolean, numBuckets: number, maxDistance: number): number {
  let buckets = numBuckets;
  let bucket = 0;
  let n: number;
  if (bidirectional) {
    buckets = Math.floor(buckets / 2);
    if (relative > 0) bucket += buckets;
    n = Math.abs(relative);
  } else {
    n = -Math.min(relative, 0);
  }
  const maxExact = Math.floor(buckets / 2);
  if (n < maxExact) return bucket + n;
  const f = Math.fround;
  const ratio = f(f(Math.log(f(n / maxExact))) / f(Math.log(maxDistance / maxExact)));
  const large = maxExact + Math.trunc(f(ratio * (buckets - maxExact)));
  return bucket + Math.min(large, buckets - 1);
}

export function referenceT5(c: T5Config, weights: T5Weights, source: readonly number[], target: readonly number[], mask?: readonly number[]): T5Reference {
  const W = (name: string) => {
    const t = weights[name];
    if (!t) throw new Error(`reference: missing ${name}`);
    return t;
  };
  const inner = c.numHeads * c.dKv;
  /** nn.Linear without bias, weight [out, in]. */
  const linear = (x: Vec, name: string, out: number): Vec => {
    const w = W(name);
    return Array.from({ length: out }, (_, o) => x.reduce((s, v, i) => s + v * w[o * x.length + i]!, 0));
  };
  const norm = (x: Vec, name: string): Vec => {
    const w = W(name);
    const rms = Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length + c.layerNormEpsilon);
    return x.map((v, i) => (v / rms) * w[i]!);
  };
  const embed = (id: number) => Array.from(W('shared.weight').subarray(id * c.dModel, (id + 1) * c.dModel));
  const geluNew = (v: number) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)));
  const ffn = (x: Vec, m: string): Vec => {
    const hidden = c.gatedGelu
      ? linear(x, `${m}.wi_0.weight`, c.dFf).map((v, i) => geluNew(v) * linear(x, `${m}.wi_1.weight`, c.dFf)[i]!)
      : linear(x, `${m}.wi.weight`, c.dFf).map((v) => Math.max(0, v));
    return linear(hidden, `${m}.wo.weight`, c.dModel);
  };
  /** Position bias of a stack for query i, key j, head h (0 for cross-attention). */
  const biasOf = (table: string | undefined, bidirectional: boolean) => (i: number, j: number, h: number) =>
    table ? W(table)[relativeBucket(j - i, bidirectional, c.relativeAttentionNumBuckets, c.relativeAttentionMaxDistance) * c.numHeads + h]! : 0;

  /** One attention module: queries from xs, keys and values from kvs; `visible(i, j)` hides keys. */
  function attend(xs: Vec[], kvs: Vec[], m: string, visible: (i: number, j: number) => boolean, bias: (i: number, j: number, h: number) => number) {
    const q = xs.map((x) => linear(x, `${m}.q.weight`, inner));
    const k = kvs.map((x) => linear(x, `${m}.k.weight`, inner));
    const v = kvs.map((x) => linear(x, `${m}.v.weight`, inner));
    const merged = xs.map(() => new Array<number>(inner).fill(0));
    const probs: Vec[][] = [];
    for (let h = 0; h < c.numHeads; h++) {
      const o = h * c.dKv;
      const rows = xs.map((_, i) => {
        const scores = kvs.map((__, j) => {
          if (!visible(i, j)) return -Infinity;
          let s = bias(i, j, h);
          for (let t = 0; t < c.dKv; t++) s += q[i]![o + t]! * k[j]![o + t]!;
          return s;
        });
        return softmax(scores);
      });
      rows.forEach((p, i) => p.forEach((pj, j) => { for (let t = 0; t < c.dKv; t++) merged[i]![o + t]! += pj * v[j]![o + t]!; }));
      probs.push(rows);
    }
    return { out: merged.map((x) => linear(x, `${m}.o.weight`, c.dModel)), probs };
  }
  const add = (a: Vec[], b: Vec[]) => a.map((x, i) => x.map((v, t) => v + b[i]![t]!));
  const kept = (j: number) => (mask?.[j] ?? 1) !== 0;

  let xs: Vec[] = source.map(embed);
  const encoderHidden = [xs];
  const encoderAttentions: Vec[][][] = [];
  const encoderBias = biasOf(RELATIVE_BIAS.encoder, true);
  for (let l = 0; l < c.numLayers; l++) {
    const n = encoderBlockNames(l);
    const a = attend(xs.map((x) => norm(x, n.selfNorm)), xs.map((x) => norm(x, n.selfNorm)), n.selfAttention, (_, j) => kept(j), encoderBias);
    encoderAttentions.push(a.probs);
    xs = add(xs, a.out);
    xs = add(xs, xs.map((x) => ffn(norm(x, n.ffnNorm), n.ffn)));
    encoderHidden.push(xs);
  }
  const encoded = xs.map((x) => norm(x, 'encoder.final_layer_norm.weight'));

  let ys: Vec[] = target.map(embed);
  const decoderHidden = [ys];
  const decoderAttentions: Vec[][][] = [];
  const crossAttentions: Vec[][][] = [];
  const decoderBias = biasOf(RELATIVE_BIAS.decoder, false);
  for (let l = 0; l < c.numDecoderLayers; l++) {
    const n = decoderBlockNames(l);
    const normed = ys.map((y) => norm(y, n.selfNorm));
    const s = attend(normed, normed, n.selfAttention, (i, j) => j <= i, decoderBias);
    decoderAttentions.push(s.probs);
    ys = add(ys, s.out);
    const x = attend(ys.map((y) => norm(y, n.crossNorm)), encoded, n.crossAttention, (_, j) => kept(j), biasOf(undefined, false));
    crossAttentions.push(x.probs);
    ys = add(ys, x.out);
    ys = add(ys, ys.map((y) => ffn(norm(y, n.ffnNorm), n.ffn)));
    decoderHidden.push(ys);
  }
  const scale = c.tiedEmbeddings ? c.dModel ** -0.5 : 1;
  const logits = ys.map((y) => linear(norm(y, 'decoder.final_layer_norm.weight').map((v) => v * scale), 'lm_head.weight', c.vocabSize));
  return { logits, encoderAttentions, decoderAttentions, crossAttentions, encoderHidden, decoderHidden };
}
