import { softmax } from '@/lib/maths';

export { mulberry32 } from '../../lib/random';
/*
 * One decoding step, from the model's logits for the next position to the
 * chosen token, with every intermediate kept so the page can show it.
 * Pure functions: the same logits, settings and random stream give the same token.
 *
 * [1] softmax: p_i = exp(z_i − max z) / Σ_j exp(z_j − max z) (src/lib/maths.ts). Subtracting
 *     the maximum changes nothing mathematically and keeps exp() from overflowing.
 * [2] Temperature T divides the logits before the softmax: T < 1 sharpens the
 *     distribution, T > 1 flattens it. T = 0 would divide by zero; its limit is
 *     "always the most likely token", which is what greedy decoding does.
 * [3] Top-k keeps only the k most likely tokens (0 = all of them).
 * [4] Top-p (nucleus) keeps the smallest set of most likely tokens whose
 *     probabilities add up to at least p, so a confident model samples from few
 *     tokens and an unsure one from many. Applied after top-k, as transformers does.
 * [5] Sampling: draw u in [0, 1) from a seeded generator and walk the kept tokens
 *     (most likely first, ties by id) until their cumulative probability passes u.
 *     The same seed gives the same u's, so the same text.
 */

export interface SamplingSettings {
  /** 0 = greedy (argmax); otherwise sample at this temperature. */
  temperature: number;
  /** 0 = no limit. */
  topK: number;
  /** 1 = no limit. */
  topP: number;
}

export interface Candidate {
  id: number;
  /** Probability from the raw logits (softmax, temperature 1). */
  raw: number;
  /** Probability after temperature, top-k and top-p: what the pick was drawn from. */
  final: number;
}

export interface StepChoice {
  id: number;
  /** Most likely tokens by raw probability (and the chosen one, if it is not among them). */
  candidates: Candidate[];
  /** How many tokens were left to pick from after the filters. */
  kept: number;
}


/** Indices of the n largest values, largest first, ties by lower index. */
export function topIndices(values: ArrayLike<number>, n: number): number[] {
  const count = Math.min(n, values.length);
  if (count > 256) {
    // Many wanted (top-k off): one full sort beats insertion.
    const all = Array.from({ length: values.length }, (_, i) => i);
    all.sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
    return all.slice(0, count);
  }
  const best: number[] = [];
  const better = (a: number, b: number) => (values[a] as number) > (values[b] as number) || (values[a] === values[b] && a < b);
  for (let i = 0; i < values.length; i++) {
    if (best.length === count && !better(i, best[count - 1]!)) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && better(i, best[at - 1]!)) at--;
    best.splice(at, 0, i);
    if (best.length > count) best.pop();
  }
  return best;
}

/** [2]–[4] The tokens left after the filters, most likely first, with their renormalised probabilities. */
export function filtered(logits: ArrayLike<number>, s: SamplingSettings): { ids: number[]; probs: number[] } {
  if (s.temperature <= 0) return { ids: topIndices(logits, 1), probs: [1] };
  const scaled = softmax(logits, s.temperature); // [1] [2]
  const k = s.topK > 0 ? Math.min(s.topK, logits.length) : logits.length;
  const ids = topIndices(scaled, k);
  let mass = 0;
  let keep = 0;
  for (const i of ids) mass += scaled[i] as number;
  let cumulative = 0;
  for (const i of ids) {
    cumulative += (scaled[i] as number) / mass;
    keep++;
    if (s.topP < 1 && cumulative >= s.topP) break;
  }
  const kept = ids.slice(0, keep);
  const total = kept.reduce((sum, i) => sum + (scaled[i] as number), 0);
  return { ids: kept, probs: kept.map((i) => (scaled[i] as number) / total) };
}

/** [5] */
export function pick(ids: readonly number[], probs: readonly number[], u: number): number {
  let cumulative = 0;
  for (let j = 0; j < ids.length; j++) {
    cumulative += probs[j] as number;
    if (u < cumulative) return ids[j] as number;
  }
  return ids[ids.length - 1] as number;
}

/** One step: filters, pick (argmax or seeded draw), and the candidates to show. */
export function chooseNext(logits: ArrayLike<number>, s: SamplingSettings, random: () => number, shown = 10): StepChoice {
  const raw = softmax(logits); // [1]
  const { ids, probs } = filtered(logits, s);
  const id = s.temperature <= 0 ? (ids[0] as number) : pick(ids, probs, random());
  const final = new Map(ids.map((t, j) => [t, probs[j] as number]));
  const top = topIndices(raw, shown);
  if (!top.includes(id)) top.push(id);
  return {
    id,
    kept: ids.length,
    candidates: top.map((t) => ({ id: t, raw: raw[t] as number, final: final.get(t) ?? 0 })),
  };
}
