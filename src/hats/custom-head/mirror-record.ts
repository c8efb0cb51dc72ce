import { rememberHead } from '@/lib/mirror/trained-heads';
import type { TrainedHead } from '@/lib/mirror/types';
import { readHeadParam } from './head-codec';
import type { Head } from './types';

/** The head as the mirror wears it: the same numbers, named by what it tells apart. */
export function asTrainedHead(head: Head): TrainedHead {
  return {
    name: head.task === 'classification' ? head.labels.join(' / ') : head.labels[0] ?? 'value',
    encoder: head.encoder.model,
    pooling: head.encoder.pooling,
    normalize: head.encoder.normalize,
    hiddenSize: head.encoder.hiddenSize,
    task: head.task,
    labels: head.labels,
    layers: head.layers.map((l) => ({ inSize: l.inSize, outSize: l.outSize, weight: Array.from(l.weight), bias: Array.from(l.bias) })),
  };
}

/** A freshly trained head is kept in this browser, so the mirror shows it on the body it was trained on. */
export function recordForMirror(link: string): void {
  const { head } = readHeadParam(link);
  if (head) rememberHead(asTrainedHead(head));
}
