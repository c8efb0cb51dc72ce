import type { FeatureSpace } from './feature-space';

/*
 * Position-aware attention by hand. Attention itself ignores order: only the
 * position embeddings tell tokens apart by place. Here a position is written
 * as waves, (cos θp, sin θp) scaled by `amplitude`, each value on one feature
 * pair [1]. A wave's rows all have the same length, so LayerNorm treats every
 * position alike.
 *
 * [1] cos θi · cos θ(j + δ) + sin θi · sin θ(j + δ) = cos θ(i − j − δ): if the
 *     query reads (cos θi, sin θi) and the key reads the same wave turned by δ
 *     (a fixed rotation, so a linear map of the key's features), the score
 *     depends only on the distance i − j and peaks at j = i − δ. A fast wave
 *     makes the peak sharp; a slow one (half a period over the whole window)
 *     keeps far-away repeats of the fast wave from scoring as high.
 * [2] A key that reads cos(θj + φ) alone, against a constant query, scores by
 *     absolute position: with θ·positions + φ within (0, π) it falls steadily,
 *     so the earliest tokens win.
 */

export interface Wave {
  /** Feature pairs holding amplitude·cos θp and amplitude·sin θp. */
  cos: number;
  sin: number;
  theta: number;
  amplitude: number;
}

export function writeWaves(space: FeatureSpace, table: Float32Array, rows: number, waves: readonly Wave[]): void {
  for (let p = 0; p < rows; p++) {
    for (const w of waves) {
      space.set(table, p, w.cos, w.amplitude * Math.cos(w.theta * p));
      space.set(table, p, w.sin, w.amplitude * Math.sin(w.theta * p));
    }
  }
}

/** Sum of squares a row of these waves adds (to budget LayerNorm's scale). */
export function waveEnergy(waves: readonly Wave[]): number {
  return waves.reduce((s, w) => s + 2 * w.amplitude ** 2, 0);
}

/**
 * [1] Adds gain · cos θ(i − j − δ) to the attention score of the head whose
 * query/key units `units` (two of them, inside one head of `headDim` units) are given.
 * q and k are Linear weights [hidden, hidden] in PyTorch layout.
 */
export function relativeScore(
  space: FeatureSpace,
  q: Float32Array,
  k: Float32Array,
  units: readonly [number, number],
  wave: Wave,
  delta: number,
  gain: number,
  headDim: number,
): void {
  const side = Math.sqrt(gain * Math.sqrt(headDim)) / wave.amplitude;
  const [c, s] = [Math.cos(wave.theta * delta), Math.sin(wave.theta * delta)];
  space.read(q, units[0], wave.cos, side);
  space.read(q, units[1], wave.sin, side);
  space.read(k, units[0], wave.cos, side * c);
  space.read(k, units[0], wave.sin, -side * s);
  space.read(k, units[1], wave.sin, side * c);
  space.read(k, units[1], wave.cos, side * s);
}

/**
 * [2] Adds gain · cos(θj + φ) to the score, given that the query has the
 * constant `queryBias` on unit `unit` (set by the caller).
 */
export function absoluteScore(
  space: FeatureSpace,
  k: Float32Array,
  unit: number,
  wave: Wave,
  phase: number,
  gain: number,
  headDim: number,
  queryBias: number,
): void {
  const scale = (gain * Math.sqrt(headDim)) / (queryBias * wave.amplitude);
  space.read(k, unit, wave.cos, scale * Math.cos(phase));
  space.read(k, unit, wave.sin, -scale * Math.sin(phase));
}
