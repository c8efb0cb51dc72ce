/** [tokens][width] rows of a flat hidden state. */
export function hiddenRows(flat: Float32Array, tokens: number, width: number): number[][] {
  return Array.from({ length: tokens }, (_, t) => Array.from(flat.subarray(t * width, (t + 1) * width)));
}

/** Cosine similarity of every pair of rows. */
export function cosineMatrix(rows: number[][]): number[][] {
  const norms = rows.map((r) => Math.sqrt(r.reduce((a, v) => a + v * v, 0)) || 1);
  return rows.map((a, i) => rows.map((b, j) => a.reduce((s, v, k) => s + v * b[k]!, 0) / (norms[i]! * norms[j]!)));
}
