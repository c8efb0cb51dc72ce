import { scanLogits, sumExp } from '../../lib/logit-scan';

export { mulberry32 } from '../../lib/random';
/*
 * One decoding step, from the model's logits for the next position to the
 * chosen token, with every intermediate kept so the page can show it.
 * Pure functions: the same logits, settings and random stream give the same token.
 *
 * [1] softmax: p_i = exp(z_i − max z) / Σ_j exp(z_j − max z). Subtracting the maximum changes
 *     nothing mathematically and keeps exp() from overflowing. A step never makes all 50,257 p_i:
 *     only the few tokens it ranks, shows or walks need theirs (see filtered).
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
 * [6] None of this needs the whole vocabulary in order. A model is usually sure of
 *     a few tokens: the walks of [4] and [5] end after the first handful, so only
 *     those are ranked (see Ranking). Sorting all 50,257 of GPT-2's logits on every
 *     step would cost more than the rest of the step's maths.
 * [7] Greedy decoding needs no distribution at all: the pick is the largest logit, and the shown
 *     candidates are the largest logits too (softmax keeps the order). Their probabilities need only
 *     the softmax's denominator Σ_j exp(z_j − max z), found in WebAssembly SIMD with the largest ones
 *     (scanLogits: about 0.08 ms for GPT-2's vocabulary, where a JavaScript pass takes 0.3 of a 12 ms
 *     step). A sampled step shows the same candidates, from the same pass.
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

/** a ranks before b: larger value, or the same value and a lower index. */
const before = (values: ArrayLike<number>, a: number, b: number) =>
  (values[a] as number) > (values[b] as number) || (values[a] === values[b] && a < b);

/**
 * Indices of the n largest values, largest first, ties by lower index. [6] One pass with a heap of
 * the n best so far, whose root is the worst of them: most values lose to the root at once.
 */
export function topIndices(values: ArrayLike<number>, n: number): number[] {
  const size = Math.max(0, Math.min(n, values.length));
  const heap = new Int32Array(size);
  const worse = (a: number, b: number) => before(values, b, a);
  const siftDown = (from: number, length: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= length) return;
      const right = left + 1;
      const child = right < length && worse(heap[right]!, heap[left]!) ? right : left;
      const [parent, down] = [heap[at]!, heap[child]!];
      if (!worse(down, parent)) return;
      heap[at] = down;
      heap[child] = parent;
      at = child;
    }
  };
  for (let i = 0; i < size; i++) heap[i] = i;
  for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(at, size);
  let floor = size > 0 ? (values[heap[0]!] as number) : Infinity;
  for (let i = size; i < values.length; i++) {
    // Indices come in increasing order, so a value equal to the root's loses the tie.
    if (!((values[i] as number) > floor)) continue;
    heap[0] = i;
    siftDown(0, size);
    floor = values[heap[0]!] as number;
  }
  // Heap sort: move the worst to the end, one at a time.
  for (let end = size - 1; end > 0; end--) {
    const worst = heap[0]!;
    heap[0] = heap[end]!;
    heap[end] = worst;
    siftDown(0, end);
  }
  return Array.from(heap);
}

/** How far below the largest logit, in temperatures, each growth of a Ranking reaches: down to e⁻², e⁻⁴, … of the most likely token's probability, then everything. */
const BANDS = [2, 4, 6, 8, 11, 15, 20, 30, 50, Infinity];

/** The largest of some values (a loop: a vocabulary is too many arguments for Math.max). */
function largest(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  return max;
}

/**
 * [6] The `limit` most likely tokens, by id and in order, ranked only as far as someone asks. They are
 *     ranked by logit: softmax keeps the order, and a probability within a factor e⁻ⁿ of the largest is
 *     a logit within n·T of the largest. A small limit (top-k) is one heap pass. Otherwise the ranking
 *     grows in bands: every logit within 2·T of the largest (one cheap pass of comparisons, then a sort
 *     of just those), then the band down to 4·T, and so on, each band sorted and appended.
 */
class Ranking {
  private ranked: number[] = [];
  private bands = 0;
  /** Every logit at or above this is ranked already. */
  private ranks = Infinity;

  constructor(
    private readonly logits: ArrayLike<number>,
    readonly limit: number,
    private readonly max: number,
    private readonly temperature: number,
  ) {}

  /** The id ranked `j`th (0 = the most likely), or undefined past the limit. */
  at(j: number): number | undefined {
    if (j >= this.limit) return undefined;
    while (j >= this.ranked.length && this.bands < BANDS.length) this.grow();
    return this.ranked[j];
  }

  /** The first n ids, in order. */
  head(n: number): number[] {
    if (n > 0) this.at(Math.min(n, this.limit) - 1);
    return this.ranked.slice(0, n);
  }

  private grow(): void {
    const values = this.logits;
    if (this.limit <= 256) {
      this.ranked = topIndices(values, this.limit);
      this.bands = BANDS.length;
      return;
    }
    // The last band (Infinity) reaches down to -Infinity: everything left.
    const floor = this.max - (BANDS[this.bands++] as number) * this.temperature;
    const band: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v >= floor && v < this.ranks) band.push(i);
    }
    this.ranks = floor;
    band.sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
    for (const i of band) {
      if (this.ranked.length === this.limit) return;
      this.ranked.push(i);
    }
  }
}

/** The tokens left after the filters: how many, each one's probability, and the seeded pick among them. */
export interface Kept {
  count: number;
  /** Probability after the filters; 0 for a token they removed. */
  final(id: number): number;
  /** [5] */
  pick(u: number): number;
  /** The first n kept tokens, most likely first (ties by lower id). */
  head(n: number): number[];
}

/**
 * [2]–[4] What is left after temperature, top-k and top-p; `known` is what the caller has already
 * scanned: the largest logit and, if it has it, softmax's denominator at T = 1. [1] Probabilities are
 * never made for the whole vocabulary: a token's weight is softmax's numerator exp((z − max) / T), and
 * what it is divided by is a sum of weights: the kept tokens' (summed exactly, for the pick and the
 * probabilities shown), or, for top-p's walk over the whole vocabulary, softmax's denominator (the
 * scan's at T = 1, else `sumExp`; both in WebAssembly SIMD, a few parts in ten million off at most).
 */
export function filtered(logits: ArrayLike<number>, s: SamplingSettings, known: { max: number; sum?: number } = { max: largest(logits) }): Kept {
  if (s.temperature <= 0) {
    const [best] = topIndices(logits, 1) as [number];
    return { count: 1, final: (id) => (id === best ? 1 : 0), pick: () => best, head: (n) => (n > 0 ? [best] : []) };
  }
  const vocab = logits.length;
  const t = s.temperature;
  const { max } = known;
  const weight = (id: number) => Math.exp(((logits[id] as number) - max) / t);
  const k = s.topK > 0 ? Math.min(s.topK, vocab) : vocab;
  const ranking = new Ranking(logits, k, max, t);
  const sum = (ids: readonly number[]) => ids.reduce((total, i) => total + weight(i), 0);
  let count = k;
  // Below the whole vocabulary the top k are ranked anyway, and their mass is summed most likely first.
  const whole = () => (t === 1 && known.sum !== undefined ? known.sum : sumExp(logits, max, 1 / t));
  const mass = k < vocab ? sum(ranking.head(k)) : s.topP < 1 ? whole() : NaN;
  if (s.topP < 1) {
    let cumulative = 0;
    count = 0;
    for (let id = ranking.at(0); id !== undefined; id = ranking.at(count)) {
      cumulative += weight(id) / mass;
      count++;
      if (cumulative >= s.topP) break;
    }
  }
  // The whole vocabulary's weights are summed in id order, which needs no ranking at all.
  let total = 0;
  if (count === k && k < vocab) total = mass;
  else if (count === vocab) for (let i = 0; i < vocab; i++) total += weight(i);
  else total = sum(ranking.head(count));
  // The kept tokens are exactly those that rank at or before the last one kept.
  const last = count === vocab ? undefined : ranking.at(count - 1);
  const isKept = (id: number) => last === undefined || id === last || before(logits, id, last);
  return {
    count,
    final: (id) => (isKept(id) ? weight(id) / total : 0),
    pick(u) {
      let cumulative = 0;
      let id = ranking.at(0) as number;
      for (let j = 0; j < count; j++) {
        id = ranking.at(j) as number;
        cumulative += weight(id) / total;
        if (u < cumulative) return id;
      }
      return id;
    },
    head: (n) => ranking.head(Math.min(n, count)),
  };
}

/**
 * One step: filters, pick (argmax or seeded draw), and the candidates to show. [7] The largest logits
 * and softmax's denominator at T = 1 come from one pass in WebAssembly SIMD (scanLogits): the shown
 * candidates, their raw probabilities, and the greedy pick.
 */
export function chooseNext(logits: ArrayLike<number>, s: SamplingSettings, random: () => number, shown = 10): StepChoice {
  const scan = scanLogits(logits, Math.max(1, shown));
  const raw = (id: number) => Math.exp((logits[id] as number) - scan.max) / scan.sum;
  if (s.temperature <= 0) {
    const id = scan.ids[0] as number;
    return { id, kept: 1, candidates: scan.ids.map((t) => ({ id: t, raw: raw(t), final: t === id ? 1 : 0 })) };
  }
  const kept = filtered(logits, s, scan);
  const id = kept.pick(random());
  const top = scan.ids.slice(0, shown);
  if (!top.includes(id)) top.push(id);
  return { id, kept: kept.count, candidates: top.map((t) => ({ id: t, raw: raw(t), final: kept.final(t) })) };
}
