import type { WeightMap } from '../bert-names';
import { gelu } from '../reference';
import { decoderLayerPrefix, encoderLayerPrefix, gridOf, VIT_MAE_NAMES as N, vitLayerNames, type VitMaeConfig } from './config';

/*
 * A textbook ViTMAEForPreTraining forward pass, loop by loop in float64, written from
 * modeling_vit_mae.py and sharing nothing with the graph builder but the tensor names.
 * Agreeing with it is the evidence that the graph computes what PyTorch computes.
 * Slow: tiny checkpoints only.
 */

type Vec = number[];

class Weights {
  constructor(
    private readonly w: WeightMap,
    private readonly eps: number,
  ) {}

  get(name: string): Float32Array {
    const t = this.w[name];
    if (!t) throw new Error(`reference: missing ${name}`);
    return t;
  }

  /** PyTorch Linear: W is [out, in]. */
  linear(x: Vec, module: string, out: number): Vec {
    const w = this.get(`${module}.weight`);
    const b = this.get(`${module}.bias`);
    const inDim = x.length;
    return Array.from({ length: out }, (_, o) => {
      let s = b[o]!;
      for (let i = 0; i < inDim; i++) s += w[o * inDim + i]! * x[i]!;
      return s;
    });
  }

  norm(x: Vec, module: string): Vec {
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
    const g = this.get(`${module}.weight`);
    const b = this.get(`${module}.bias`);
    return x.map((v, i) => ((v - mean) / Math.sqrt(variance + this.eps)) * g[i]! + b[i]!);
  }

  row(name: string, r: number, dim: number): Vec {
    return Array.from(this.get(name).subarray(r * dim, (r + 1) * dim));
  }
}

/** A layer's attention weights land here when given: [head][query][key]. */
type Record3 = Vec[][] | undefined;

function attention(w: Weights, xs: Vec[], prefix: string, hidden: number, heads: number, record: Record3): Vec[] {
  const n = vitLayerNames(prefix);
  const hd = hidden / heads;
  const q = xs.map((x) => w.linear(x, n.query, hidden));
  const k = xs.map((x) => w.linear(x, n.key, hidden));
  const v = xs.map((x) => w.linear(x, n.value, hidden));
  const merged = xs.map(() => new Array<number>(hidden).fill(0));
  for (let head = 0; head < heads; head++) {
    const o = head * hd;
    for (let i = 0; i < xs.length; i++) {
      const scores = k.map((kj) => {
        let s = 0;
        for (let t = 0; t < hd; t++) s += q[i]![o + t]! * kj[o + t]!;
        return s / Math.sqrt(hd);
      });
      const max = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - max));
      const total = e.reduce((a, b) => a + b, 0);
      if (record) (record[head] ??= [])[i] = e.map((v) => v / total);
      for (let j = 0; j < xs.length; j++) for (let t = 0; t < hd; t++) merged[i]![o + t]! += (e[j]! / total) * v[j]![o + t]!;
    }
  }
  return merged.map((m) => w.linear(m, n.attentionOut, hidden));
}

function layer(w: Weights, xs: Vec[], prefix: string, hidden: number, heads: number, inner: number, record?: Record3): Vec[] {
  const n = vitLayerNames(prefix);
  const att = attention(w, xs.map((x) => w.norm(x, n.normBefore)), prefix, hidden, heads, record);
  const mid = xs.map((x, i) => x.map((v, t) => v + att[i]![t]!));
  return mid.map((x) => {
    const ffn = w.linear(w.linear(w.norm(x, n.normAfter), n.ffnIn, inner).map(gelu), n.ffnOut, hidden);
    return x.map((v, t) => v + ffn[t]!);
  });
}

export interface VitMaeReference {
  /** [N · p·p·C] */
  logits: Float32Array;
  /** Encoder, [layer][head][query][key] over [CLS] and the kept patches in the encoder's order. */
  attentions: Vec[][][];
  /** Decoder, [layer][head][query][key] over [CLS] and every patch in grid order. */
  decoderAttentions: Vec[][][];
  /** Encoder residual stream, [layer 0 … L][token][hidden]. */
  hidden: Vec[][];
}

/**
 * logits [N · p·p·C] for one image: `pixels` [C, S, S] (already normalised), the kept patch
 * indices in the encoder's order, and ids_restore.
 */
export function referenceVitMae(config: VitMaeConfig, weights: WeightMap, pixels: Float32Array, idsKeep: readonly number[], idsRestore: readonly number[]): Float32Array {
  return referenceVitMaeInside(config, weights, pixels, idsKeep, idsRestore).logits;
}

/** The same pass, with every layer's attention weights and the encoder's hidden states. */
export function referenceVitMaeInside(config: VitMaeConfig, weights: WeightMap, pixels: Float32Array, idsKeep: readonly number[], idsRestore: readonly number[]): VitMaeReference {
  const w = new Weights(weights, config.layerNormEps);
  const { side, patches, patchDim } = gridOf(config);
  const { patchSize: p, numChannels: C, imageSize: S, hiddenSize: h, decoderHiddenSize: d } = config;
  // Conv2d(C, h, kernel p, stride p), straight from its definition.
  const kernel = w.get(`${N.patch}.weight`);
  const kernelBias = w.get(`${N.patch}.bias`);
  const embed = (index: number): Vec => {
    const pr = Math.floor(index / side);
    const pc = index % side;
    const pos = w.row(N.position, index + 1, h);
    return Array.from({ length: h }, (_, o) => {
      let s = kernelBias[o]!;
      for (let ch = 0; ch < C; ch++)
        for (let ky = 0; ky < p; ky++)
          for (let kx = 0; kx < p; kx++) s += kernel[((o * C + ch) * p + ky) * p + kx]! * pixels[(ch * S + pr * p + ky) * S + pc * p + kx]!;
      return s + pos[o]!;
    });
  };
  const cls = w.row(N.cls, 0, h).map((v, i) => v + w.row(N.position, 0, h)[i]!);
  let xs: Vec[] = [cls, ...idsKeep.map(embed)];
  const hidden = [xs];
  const attentions: Vec[][][] = [];
  const decoderAttentions: Vec[][][] = [];
  for (let i = 0; i < config.numLayers; i++) {
    xs = layer(w, xs, encoderLayerPrefix(i), h, config.numHeads, config.intermediateSize, (attentions[i] = []));
    hidden.push(xs);
  }
  xs = xs.map((x) => w.norm(x, N.encoderNorm));

  const ys = xs.map((x) => w.linear(x, N.decoderEmbed, d));
  const mask = w.row(N.maskToken, 0, d);
  // Shuffled order: the kept patches, then mask tokens; ids_restore puts patch i back from position ids_restore[i].
  const shuffled = [...ys.slice(1), ...Array.from({ length: patches - idsKeep.length }, () => mask)];
  let zs: Vec[] = [ys[0]!, ...idsRestore.map((r) => shuffled[r]!)].map((z, i) => z.map((v, t) => v + w.row(N.decoderPosition, i, d)[t]!));
  for (let i = 0; i < config.decoderLayers; i++) zs = layer(w, zs, decoderLayerPrefix(i), d, config.decoderHeads, config.decoderIntermediateSize, (decoderAttentions[i] = []));
  const out = zs.slice(1).flatMap((z) => w.linear(w.norm(z, N.decoderNorm), N.decoderPred, patchDim));
  return { logits: Float32Array.from(out), attentions, decoderAttentions, hidden };
}
