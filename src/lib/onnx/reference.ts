import { embeddingNames, layerNames, type EncoderConfig, type WeightMap } from './bert-names';

/*
 * A textbook forward pass of BERT / DistilBERT, written out loop by loop over
 * the Hugging Face weight map, in float64. It shares no code with the graph
 * builder (only the tensor names), so agreeing with it is evidence that the
 * ONNX graph computes what the PyTorch modules compute. Each head brings the
 * same for its own layers (BertHead.reference); referenceForward in
 * bert-model.ts puts the two together. Slow: tiny models only.
 */

export type Vec = number[];

export const sum = (v: Vec) => v.reduce((a, b) => a + b, 0);
const add = (a: Vec, b: Vec) => a.map((x, i) => x + (b[i] as number));

/** Abramowitz & Stegun 7.1.26, |error| < 1.5e-7 (JS has no Math.erf). */
export function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return Math.sign(x) * (1 - poly * Math.exp(-x * x));
}

/** Exact (erf) GELU, as BERT and DistilBERT use. */
export const gelu = (x: number) => 0.5 * x * (1 + erf(x / Math.SQRT2));

/** Weight lookups and the three PyTorch modules every block is made of. */
export class Ops {
  constructor(private readonly w: WeightMap, private readonly eps: number) {}

  get(name: string): Float32Array {
    const data = this.w[name];
    if (!data) throw new Error(`reference: missing weight ${name}`);
    return data;
  }

  row(name: string, r: number, width: number): Vec {
    return Array.from(this.get(name).subarray(r * width, (r + 1) * width));
  }

  /** nn.Linear: weight [out, in]. */
  linear(x: Vec, module: string, out: number): Vec {
    const W = this.get(`${module}.weight`);
    const b = this.get(`${module}.bias`);
    const n = x.length;
    return Array.from({ length: out }, (_, o) => {
      let acc = b[o] as number;
      for (let i = 0; i < n; i++) acc += (W[o * n + i] as number) * (x[i] as number);
      return acc;
    });
  }

  norm(x: Vec, module: string): Vec {
    const mean = sum(x) / x.length;
    const std = Math.sqrt(sum(x.map((v) => (v - mean) ** 2)) / x.length + this.eps);
    const gamma = this.get(`${module}.weight`);
    const beta = this.get(`${module}.bias`);
    return x.map((v, i) => ((v - mean) / std) * (gamma[i] as number) + (beta[i] as number));
  }
}

/**
 * Multi-head self-attention of one sequence; `visible[j]` false hides key j (padding). `probs`, when
 * given, receives the softmax weights: probs[head][query][key].
 */
function attention(ops: Ops, config: EncoderConfig, xs: Vec[], visible: boolean[], layer: number, probs?: Vec[][]): Vec[] {
  const h = config.hiddenSize;
  const d = h / config.numHeads;
  const n = layerNames(config, layer);
  const [q, k, v] = [n.query, n.key, n.value].map((m) => xs.map((x) => ops.linear(x, m, h))) as [Vec[], Vec[], Vec[]];
  const anyVisible = visible.some(Boolean);
  return xs.map((_, i) => {
    const context: Vec = new Array(h).fill(0);
    for (let head = 0; head < config.numHeads; head++) {
      const off = head * d;
      const scores = k.map((kj, j) => {
        if (anyVisible && !visible[j]) return -Infinity;
        let dot = 0;
        for (let t = 0; t < d; t++) dot += (q[i]![off + t] as number) * (kj[off + t] as number);
        return dot / Math.sqrt(d);
      });
      const top = Math.max(...scores);
      const weights = scores.map((s) => Math.exp(s - top));
      const z = sum(weights);
      if (probs) (probs[head] ??= [])[i] = weights.map((p) => p / z);
      weights.forEach((p, j) => {
        for (let t = 0; t < d; t++) context[off + t]! += (p / z) * v[j]![off + t]!;
      });
    }
    return ops.linear(context, n.attentionOut, h);
  });
}

/** The encoder's last hidden state for one sequence: [seq][hidden]. */
export function referenceEncoder(
  config: EncoderConfig,
  weights: WeightMap,
  ids: number[],
  mask?: number[],
  types?: number[],
): Vec[] {
  return referenceEncoderTrace(config, weights, ids, mask, types).hiddens.at(-1)!;
}

export interface EncoderTrace {
  /** The embeddings, then every layer's output: numLayers + 1 of [seq][hidden]. */
  hiddens: Vec[][];
  /** Per layer: [head][query][key] softmax weights. */
  attentions: Vec[][][];
}

/** The whole pass of one sequence: every hidden state and every layer's attention weights. */
export function referenceEncoderTrace(
  config: EncoderConfig,
  weights: WeightMap,
  ids: number[],
  mask?: number[],
  types?: number[],
): EncoderTrace {
  const ops = new Ops(weights, config.layerNormEps);
  const h = config.hiddenSize;
  const e = embeddingNames(config);
  let xs = ids.map((id, p) => {
    let x = add(ops.row(e.word, id, h), ops.row(e.position, p, h));
    if (config.typeVocabSize > 0) x = add(x, ops.row(e.tokenType, types?.[p] ?? 0, h));
    return ops.norm(x, e.norm);
  });
  const visible = ids.map((_, p) => (mask?.[p] ?? 1) !== 0);
  const hiddens = [xs];
  const attentions: Vec[][][] = [];
  for (let l = 0; l < config.numLayers; l++) {
    const n = layerNames(config, l);
    const probs: Vec[][] = [];
    const attended = attention(ops, config, xs, visible, l, probs).map((a, i) => ops.norm(add(xs[i]!, a), n.attentionNorm));
    attentions.push(probs);
    xs = attended.map((x) => {
      const ffn = ops.linear(ops.linear(x, n.ffnIn, config.intermediateSize).map(gelu), n.ffnOut, h);
      return ops.norm(add(x, ffn), n.outputNorm);
    });
    hiddens.push(xs);
  }
  return { hiddens, attentions };
}

