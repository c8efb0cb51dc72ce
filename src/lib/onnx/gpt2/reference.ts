import { softmax, topK } from '../../maths';
import type { WeightMap } from '../bert-names';
import { GPT2_NAMES, gpt2LayerNames, type Gpt2Config } from './gpt2-names';

/*
 * GPT2LMHeadModel's forward pass for one text, loop by loop in float64, written from
 * modeling_gpt2.py and sharing nothing with the graph builder but the tensor names: agreeing with
 * it is the evidence that the graph computes what PyTorch computes, attention weights and logit
 * lens included. Slow: tiny checkpoints only.
 */

type Vec = number[];

export interface Gpt2Reference {
  /** [position][vocab] */
  logits: Vec[];
  /** [layer][head][query][key]: zero above the diagonal (a token never reads a later one). */
  attentions: Vec[][][];
  /** [layer 0 … L][position][hidden]: the residual stream, before ln_f. */
  hidden: Vec[][];
  /** [layer 0 … L][position]: the top-k guesses of softmax(lm_head(ln_f(h))), most likely first. */
  lens: { ids: number[]; probs: number[] }[][];
}

const geluNew = (v: number) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)));

export function referenceGpt2(c: Gpt2Config, weights: WeightMap, ids: readonly number[], lensTopK = 5): Gpt2Reference {
  const W = (name: string) => {
    const t = weights[name];
    if (!t) throw new Error(`reference: missing ${name}`);
    return t;
  };
  const h = c.hiddenSize;
  const d = h / c.numHeads;
  /** Conv1D: weight [in, out], y = x·W + b. */
  const conv1d = (x: Vec, module: string, out: number): Vec => {
    const w = W(`${module}.weight`);
    const b = W(`${module}.bias`);
    return Array.from({ length: out }, (_, o) => x.reduce((s, v, i) => s + v * w[i * out + o]!, b[o]!));
  };
  const norm = (x: Vec, module: string): Vec => {
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
    const g = W(`${module}.weight`);
    const b = W(`${module}.bias`);
    return x.map((v, i) => ((v - mean) / Math.sqrt(variance + c.layerNormEps)) * g[i]! + b[i]!);
  };
  const row = (name: string, r: number) => Array.from(W(name).subarray(r * h, (r + 1) * h));
  const head = (x: Vec): Vec => {
    const lm = W(GPT2_NAMES.lmHead); // nn.Linear [vocab, hidden]
    const y = norm(x, GPT2_NAMES.lnF);
    return Array.from({ length: c.vocabSize }, (_, v) => y.reduce((s, yi, i) => s + yi * lm[v * h + i]!, 0));
  };

  let xs: Vec[] = ids.map((id, p) => row(GPT2_NAMES.wte, id).map((v, i) => v + row(GPT2_NAMES.wpe, p)[i]!));
  const hidden: Vec[][] = [xs];
  const attentions: Vec[][][] = [];
  for (let l = 0; l < c.numLayers; l++) {
    const n = gpt2LayerNames(l);
    const qkv = xs.map((x) => conv1d(norm(x, n.ln1), n.attn, 3 * h));
    const perHead: Vec[][] = [];
    const merged = xs.map(() => new Array<number>(h).fill(0));
    for (let hd = 0; hd < c.numHeads; hd++) {
      const q = (t: number) => qkv[t]!.slice(hd * d, (hd + 1) * d);
      const k = (t: number) => qkv[t]!.slice(h + hd * d, h + (hd + 1) * d);
      const v = (t: number) => qkv[t]!.slice(2 * h + hd * d, 2 * h + (hd + 1) * d);
      const rows = xs.map((_, i) => {
        // The causal mask: key j > i gets no weight at all.
        const scores = xs.slice(0, i + 1).map((__, j) => q(i).reduce((s, qv, t) => s + qv * k(j)[t]!, 0) / Math.sqrt(d));
        return [...softmax(scores), ...new Array<number>(xs.length - i - 1).fill(0)];
      });
      rows.forEach((weightsOf, i) => weightsOf.forEach((p, j) => v(j).forEach((vv, t) => (merged[i]![hd * d + t]! += p * vv))));
      perHead.push(rows);
    }
    attentions.push(perHead);
    const mid = xs.map((x, i) => conv1d(merged[i]!, n.attnProj, h).map((a, t) => x[t]! + a));
    xs = mid.map((x) => conv1d(conv1d(norm(x, n.ln2), n.fc, c.innerSize).map(geluNew), n.proj, h).map((m, t) => x[t]! + m));
    hidden.push(xs);
  }
  // TopK of a stable sort: ties keep the lower id first, as ONNX TopK does.
  const lens = hidden.map((layer) =>
    layer.map((x) => {
      const p = softmax(head(x));
      const ids = topK(p, lensTopK);
      return { ids, probs: ids.map((i) => p[i]!) };
    }),
  );
  return { logits: xs.map(head), attentions, hidden, lens };
}
