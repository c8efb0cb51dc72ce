import { mulberry32 } from '../../random';
/*
 * Tools for writing transformer weights by hand. The hidden vector is treated as
 * a set of named "features", each stored on a pair of dimensions as (+v, −v) [1].
 *
 * [1] Every LayerNorm first subtracts the mean over the hidden dims. A feature
 *     stored as (+v, −v) adds nothing to that mean, so LayerNorm only rescales
 *     the vector and a feature written before it can still be read after it.
 *     Reading a feature = (x[2p] − x[2p+1]) / 2; that reader sums to zero, so it
 *     ignores any constant shift too.
 */

/** The seeded generator (mulberry32) shared with the rest of the app. */
export const seededRandom = mulberry32;

export class FeatureSpace {
  constructor(readonly hidden: number) {}

  get pairs(): number {
    return this.hidden / 2;
  }

  /** Sets feature `pair` of row `row` of a [rows, hidden] table (or of a vector, row 0) to `value`. */
  set(table: Float32Array, row: number, pair: number, value: number): void {
    table[row * this.hidden + 2 * pair] = value;
    table[row * this.hidden + 2 * pair + 1] = -value;
  }

  /** Linear weight [out, in=hidden]: output unit `out` += gain × feature `pair` of the input. */
  read(weight: Float32Array, out: number, pair: number, gain: number): void {
    this.add(weight, this.hidden, out, 2 * pair, gain / 2);
    this.add(weight, this.hidden, out, 2 * pair + 1, -gain / 2);
  }

  /** Linear weight [out=hidden, in=inDim]: feature `pair` of the output += gain × input unit `unit`. */
  write(weight: Float32Array, inDim: number, pair: number, unit: number, gain: number): void {
    this.add(weight, inDim, 2 * pair, unit, gain);
    this.add(weight, inDim, 2 * pair + 1, unit, -gain);
  }

  /** Linear weight [hidden, hidden]: feature `to` of the output += gain × feature `from` of the input. */
  connect(weight: Float32Array, from: number, to: number, gain: number): void {
    this.read(weight, 2 * to, from, gain);
    this.read(weight, 2 * to + 1, from, -gain);
  }

  /**
   * Fills the given pairs of every row with random (+r, −r) values, scaled so
   * each row has mean 0 and variance 1 overall (sum of squares `total`, by
   * default the hidden size): the embedding LayerNorm then leaves rows as they
   * are, and the noise makes every token distinct without touching any feature
   * a layer reads. With position features taking part of the budget, pass the
   * rest as `total`.
   */
  fillNoise(table: Float32Array, rows: number, pairs: readonly number[], random: () => number, total = this.hidden): void {
    const h = this.hidden;
    for (let row = 0; row < rows; row++) {
      let used = 0;
      for (let d = 0; d < h; d++) used += (table[row * h + d] as number) ** 2;
      const noise = pairs.map(() => random() * 2 - 1);
      const noiseNorm = noise.reduce((s, v) => s + 2 * v * v, 0);
      const scale = used < total && noiseNorm > 0 ? Math.sqrt((total - used) / noiseNorm) : 0;
      pairs.forEach((pair, k) => this.set(table, row, pair, (noise[k] as number) * scale));
    }
  }

  /**
   * Sets pair `pair` of every row so that the row's sum of squares becomes
   * `total` (rows already above it are left alone): equal lengths make
   * LayerNorm divide every row by the same amount.
   */
  compensate(table: Float32Array, rows: number, pair: number, total: number): void {
    const h = this.hidden;
    for (let row = 0; row < rows; row++) {
      this.set(table, row, pair, 0);
      let used = 0;
      for (let d = 0; d < h; d++) used += (table[row * h + d] as number) ** 2;
      this.set(table, row, pair, Math.sqrt(Math.max(0, total - used) / 2));
    }
  }

  /** Small random (+r, −r) values in the given pairs, e.g. position embeddings no layer reads. */
  jitter(table: Float32Array, rows: number, pairs: readonly number[], amplitude: number, random: () => number): void {
    for (let row = 0; row < rows; row++) {
      for (const pair of pairs) this.set(table, row, pair, (random() * 2 - 1) * amplitude);
    }
  }

  /** Pair indices not in `used`, for noise. */
  freePairs(used: readonly number[]): number[] {
    return Array.from({ length: this.pairs }, (_, p) => p).filter((p) => !used.includes(p));
  }

  private add(weight: Float32Array, cols: number, row: number, col: number, value: number): void {
    weight[row * cols + col] = (weight[row * cols + col] as number) + value;
  }
}
