/** A row-major matrix of floats: how the worker sends hidden states and similarity grids (cheap to post). */
export interface FloatMatrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

export function matrix(rows: number, cols: number, data: Float32Array = new Float32Array(rows * cols)): FloatMatrix {
  if (data.length !== rows * cols) throw new Error(`A ${rows}×${cols} matrix needs ${rows * cols} values, got ${data.length}.`);
  return { rows, cols, data };
}

export function row(m: FloatMatrix, i: number): Float32Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** The rows whose mask is 1, in order: a sentence's own tokens without the batch's padding. */
export function keepRows(m: FloatMatrix, mask: ArrayLike<number>): FloatMatrix {
  const kept = Array.from({ length: m.rows }, (_, i) => i).filter((i) => mask[i] === 1);
  const out = matrix(kept.length, m.cols);
  kept.forEach((i, k) => out.data.set(row(m, i), k * m.cols));
  return out;
}

/**
 * Sentence vector by mean pooling, as sentence-transformers does.
 * [1] mean = Σ_i mask_i · h_i / Σ_i mask_i. In a padded batch the [PAD] rows still get hidden states
 *     (the model computes something there); the attention mask keeps them out of the average, so a
 *     sentence gets the same vector alone or next to a longer one.
 */
export function meanPool(hidden: FloatMatrix, mask: ArrayLike<number>): number[] {
  const sum = new Float64Array(hidden.cols);
  let count = 0;
  for (let i = 0; i < hidden.rows; i++) {
    const w = mask[i] ?? 0;
    if (!w) continue;
    count += w;
    const r = row(hidden, i);
    for (let d = 0; d < hidden.cols; d++) sum[d]! += w * r[d]!;
  }
  return Array.from(sum, (s) => (count ? s / count : 0));
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * (b[i] ?? 0);
  return s;
}

export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/**
 * [2] cos(a, b) = a·b / (|a| |b|): the angle between two vectors, ignoring their length. 1 = same
 *     direction, 0 = unrelated, −1 = opposite. A zero vector has no direction: 0 by convention.
 */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = norm(a) * norm(b);
  return n ? dot(a, b) / n : 0;
}

/** [3] Every token against every token: normalise each row once, then one dot product per pair. */
export function cosineMatrix(m: FloatMatrix): FloatMatrix {
  const unit = matrix(m.rows, m.cols);
  for (let i = 0; i < m.rows; i++) {
    const r = row(m, i);
    const n = norm(r) || 1;
    for (let d = 0; d < m.cols; d++) unit.data[i * m.cols + d] = r[d]! / n;
  }
  return gram(unit);
}

/** G = M Mᵀ (rows × rows), symmetric, so only half of it is computed. */
export function gram(m: FloatMatrix): FloatMatrix {
  const out = matrix(m.rows, m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = i; j < m.rows; j++) {
      const v = dot(row(m, i), row(m, j));
      out.data[i * m.rows + j] = v;
      out.data[j * m.rows + i] = v;
    }
  }
  return out;
}
