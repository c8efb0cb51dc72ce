import type { Pooling } from './types';

/*
 * One sentence vector from the encoder's token vectors.
 * [1] Mean pooling averages the vectors of the real tokens (attention mask 1), padding left out, as
 *     sentence-transformers does for all-MiniLM-L6-v2; CLS pooling takes the first token's vector, as
 *     BGE models are trained to be read.
 * [2] Normalizing to length 1 makes the head see directions only, so one learning rate fits every encoder.
 */

/** The pooling each curated encoder was trained with; mean for any other model. */
export function poolingFor(modelId: string): Pooling {
  return /bge-/i.test(modelId) ? 'cls' : 'mean';
}

/** `state` is [seq, hidden] row-major for one sentence; `mask` its attention mask. */
export function pool(state: ArrayLike<number>, mask: ArrayLike<number>, hidden: number, pooling: Pooling, normalize: boolean): Float32Array {
  const out = new Float64Array(hidden);
  if (pooling === 'cls') {
    for (let d = 0; d < hidden; d++) out[d] = state[d] as number;
  } else {
    let n = 0;
    for (let t = 0; t < mask.length; t++) {
      if (!mask[t]) continue;
      n++;
      for (let d = 0; d < hidden; d++) out[d] = (out[d] as number) + (state[t * hidden + d] as number); // [1]
    }
    for (let d = 0; d < hidden; d++) out[d] = (out[d] as number) / Math.max(1, n);
  }
  if (normalize) {
    const norm = Math.sqrt(out.reduce((s, v) => s + v * v, 0)) || 1; // [2]
    for (let d = 0; d < hidden; d++) out[d] = (out[d] as number) / norm;
  }
  return Float32Array.from(out);
}
