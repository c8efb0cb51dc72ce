import { norm, row, type FloatMatrix } from './vectors';

/** What the screen-reader table says about one token's vector instead of its hundreds of numbers. */
export interface TokenSummary {
  norm: number;
  mean: number;
  max: { dim: number; value: number };
  min: { dim: number; value: number };
}

export function summarizeRow(m: FloatMatrix, i: number): TokenSummary {
  const r = row(m, i);
  let max = { dim: 0, value: -Infinity };
  let min = { dim: 0, value: Infinity };
  let sum = 0;
  r.forEach((value, dim) => {
    sum += value;
    if (value > max.value) max = { dim, value };
    if (value < min.value) min = { dim, value };
  });
  return { norm: norm(r), mean: r.length ? sum / r.length : 0, max, min };
}

/** The other token whose vector points most the same way, from a token × token cosine grid. */
export function nearestToken(similarity: FloatMatrix, i: number): { index: number; cosine: number } | null {
  let best: { index: number; cosine: number } | null = null;
  row(similarity, i).forEach((cosine, index) => {
    if (index !== i && (!best || cosine > best.cosine)) best = { index, cosine };
  });
  return best;
}

export const fixed = (x: number, digits = 3) => (Object.is(Math.round(x * 10 ** digits), -0) ? 0 : x).toFixed(digits);
