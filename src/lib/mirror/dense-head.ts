import { softmax } from '../maths';
import type { TrainedHead } from './types';

/*
 * A head trained in this browser, worn on the mirror's hidden states.
 * [1] One sentence vector from the token vectors, as the head was trained: the mean of the real
 *     tokens' vectors, or the [CLS] vector; then length 1 when the head was trained that way.
 * [2] Dense layers with ReLU between them; softmax at the end for a classifier.
 */

/** hidden: [seq][width] for one text, every position a real token. */
export function poolFor(head: Pick<TrainedHead, 'pooling' | 'normalize'>, hidden: readonly (readonly number[])[]): number[] {
  const width = hidden[0]?.length ?? 0;
  const rows = head.pooling === 'cls' ? hidden.slice(0, 1) : hidden; // [1]
  const v = Array.from({ length: width }, (_, d) => rows.reduce((s, r) => s + r[d]!, 0) / Math.max(1, rows.length));
  if (!head.normalize) return v;
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

export function wearHead(head: TrainedHead, hidden: readonly (readonly number[])[]): number[] {
  let x = poolFor(head, hidden);
  head.layers.forEach((l, k) => {
    const y = Array.from({ length: l.outSize }, (_, o) => {
      let acc = l.bias[o]!;
      for (let i = 0; i < l.inSize; i++) acc += l.weight[o * l.inSize + i]! * x[i]!;
      return acc;
    });
    x = k < head.layers.length - 1 ? y.map((v) => Math.max(0, v)) : y; // [2]
  });
  return head.task === 'classification' ? softmax(x) : x;
}
