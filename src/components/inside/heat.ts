/** The weights of one head: [query][key], from the layer's [heads][queries][keys] block. */
export function headWeights(layer: Float32Array, head: number, queries: number, keys: number): number[][] {
  const base = head * queries * keys;
  return Array.from({ length: queries }, (_, q) => Array.from(layer.subarray(base + q * keys, base + (q + 1) * keys)));
}

/** A warm tint whose strength is the weight (0 … 1). */
export const tint = (w: number) => `rgba(217, 119, 6, ${Math.min(1, Math.max(0, w)).toFixed(3)})`;

/** Where a row looks most, for a sentence. */
export function strongest(row: readonly number[]): number {
  let best = 0;
  row.forEach((w, i) => {
    if (w > row[best]!) best = i;
  });
  return best;
}
