import { softmax } from '../../../lib/maths';
import type { Dense, Head } from '../types';

/*
 * The head's forward pass, shared by training, the live prediction and the tests.
 * [1] A Dense layer is nn.Linear: z = W·x + b with W stored [out, in] row-major.
 * [2] The hidden layer uses ReLU, max(0, a): cheap, and its gradient is 0 or 1.
 * [3] softmax(z)_k = exp(z_k − max z) / Σ_j exp(z_j − max z): subtracting the max changes nothing
 *     mathematically but keeps exp from overflowing.
 */

export function dense(layer: Dense, x: ArrayLike<number>): Float64Array {
  const { inSize, outSize, weight, bias } = layer;
  const z = new Float64Array(outSize);
  for (let o = 0; o < outSize; o++) {
    let acc = bias[o] as number;
    const row = o * inSize;
    for (let i = 0; i < inSize; i++) acc += (weight[row + i] as number) * (x[i] as number); // [1]
    z[o] = acc;
  }
  return z;
}

export const relu = (a: Float64Array): Float64Array => a.map((v) => (v > 0 ? v : 0)); // [2]

export interface Forward {
  hidden?: Float64Array;
  z: Float64Array;
  probabilities: Float64Array;
}

/** Runs the head on one sentence vector h. */
export function forward(head: Pick<Head, 'task' | 'layers'>, h: ArrayLike<number>): Forward {
  const [first, second] = head.layers;
  if (!first) throw new Error('The head has no layers.');
  const hidden = second ? relu(dense(first, h)) : undefined;
  const z = second && hidden ? dense(second, hidden) : dense(first, h);
  return { hidden, z, probabilities: head.task === 'classification' ? Float64Array.from(softmax(z)) : new Float64Array(0) }; // [3]
}

/** The predicted class index (classification) or value (regression). */
export function predict(head: Pick<Head, 'task' | 'layers'>, h: ArrayLike<number>): number {
  const { z, probabilities } = forward(head, h);
  if (head.task === 'regression') return z[0] as number;
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
  return best;
}
