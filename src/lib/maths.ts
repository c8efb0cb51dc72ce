/**
 * The one softmax of the page and the hats (the main thread cannot load transformers.js' own):
 * p_i = exp((z_i − max z) / T) / Σ_j exp((z_j − max z) / T), into a Float64Array (generation runs it
 * over a whole vocabulary every step).
 * [1] Subtracting the max changes nothing mathematically but keeps exp() from overflowing.
 * [2] A temperature T divides the logits first: T < 1 sharpens the distribution, T > 1 flattens it.
 */
export function softmaxF64(logits: ArrayLike<number>, temperature = 1): Float64Array {
  // A loop, not Math.max(...logits): a vocabulary of 250 000 logits is too many arguments for one call.
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] as number);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp(((logits[i] as number) - max) / temperature); // [1] [2]
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

const EXP_STEPS = 64;
const EXP_REACH = 40;
/** exp(−k / EXP_STEPS) for k / EXP_STEPS below EXP_REACH. */
const EXP_TABLE = Float64Array.from({ length: EXP_REACH * EXP_STEPS + 1 }, (_, k) => Math.exp(-k / EXP_STEPS));

/**
 * The `n` largest values (their indices, largest first; of equal values the lower index first) and
 * softmax's denominator Σ_i exp(v_i − max), in one pass, for a generator that needs both over a whole
 * vocabulary on every token (a greedy step's candidates and their probabilities).
 * [1] The sum is kept relative to the largest value so far; when a larger one comes, what was summed
 *     is scaled down by exp(old − new), which happens a handful of times in a vocabulary.
 * [2] Math.exp is a call per value; exp(−x) = exp(−k/64) · exp(k/64 − x) with the first factor from a
 *     table and the second, of an argument below 1/64, from four terms of its series (error under
 *     1e-11 of it), costs a third. Terms below e⁻⁴⁰ are left out: even 250 000 of them move the sum by
 *     less than 1e-12 of it (its largest term is 1).
 * [3] The n best so far are a short sorted list: most values fail the one comparison with the n-th.
 */
export function largestWithSumExp(values: ArrayLike<number>, n: number): { ids: number[]; max: number; sum: number } {
  const size = Math.max(0, Math.min(n, values.length));
  const ids = new Int32Array(size);
  const best = new Float64Array(size);
  let count = 0;
  // The n-th best so far once there are n; with n = 0 nothing ever gets in.
  let floor = size > 0 ? -Infinity : Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > max) {
      sum = sum * Math.exp(max - v) + 1; // [1]
      max = v;
    } else {
      const x = max - v;
      if (x < EXP_REACH) {
        const k = (x * EXP_STEPS) | 0; // [2]
        const r = k / EXP_STEPS - x;
        sum += (EXP_TABLE[k] as number) * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r / 24))));
      }
    }
    if (count === size && !(v > floor)) continue; // [3]
    let at = count < size ? count++ : size - 1;
    for (; at > 0 && (best[at - 1] as number) < v; at--) {
      best[at] = best[at - 1] as number;
      ids[at] = ids[at - 1] as number;
    }
    best[at] = v;
    ids[at] = i;
    if (count === size) floor = best[size - 1] as number;
  }
  return { ids: Array.from(ids), max, sum };
}

/** softmaxF64 as a plain array, for outputs that travel to the page and are mapped over there. */
export function softmax(logits: ArrayLike<number>, temperature = 1): number[] {
  return Array.from(softmaxF64(logits, temperature));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Indices of the k largest values, largest first. */
export function topK(values: ArrayLike<number>, k: number): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  idx.sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
  return idx.slice(0, k);
}
