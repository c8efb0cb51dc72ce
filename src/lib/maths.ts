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
