import { maskedLm, seqRelationship } from '../onnx/bert-blocks';
import { embeddingNames, type EncoderConfig } from '../onnx/bert-names';
import type { MirrorParts } from './mirror-head';
import type { Anatomy, HeadCount, TrainedHead } from './types';

/** The names the mirror gives BERT's own heads (data-head, tables). */
export const HEAD_NAMES = { maskedLm: 'masked word', nextSentence: 'next sentence', hidden: 'hidden states' } as const;

const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/*
 * [1] Who owns a tensor: a head owns only what it alone reads. The pooler lives in BertModel (the
 *     body answers pooler_output) even though only the next-sentence head reads it; the masked-word
 *     decoder is the word-embedding table itself, so it is counted once, in the body.
 */
export function anatomyOf(model: string, config: EncoderConfig, parts: MirrorParts, loaded: readonly { name: string; shape: readonly number[] }[]): Anatomy {
  const own = (shapes: [string, number[]][]) => new Set(shapes.map(([n]) => n));
  const mlm = parts.maskedLm ? own(maskedLm.shapes(config)) : new Set<string>();
  const nsp = parts.nextSentence ? own(seqRelationship.shapes(config)) : new Set<string>();
  let bodyParams = 0;
  const sums = { mlm: 0, nsp: 0 };
  const tensors = { mlm: [] as string[], nsp: [] as string[] };
  for (const t of loaded) {
    if (mlm.has(t.name)) {
      sums.mlm += count(t.shape);
      tensors.mlm.push(t.name);
    } else if (nsp.has(t.name)) {
      sums.nsp += count(t.shape);
      tensors.nsp.push(t.name);
    } else bodyParams += count(t.shape); // [1]
  }
  const word = loaded.find((t) => t.name === embeddingNames(config).word);
  const heads: HeadCount[] = [{ name: HEAD_NAMES.hidden, params: 0, reads: 'every', tensors: [] }];
  if (parts.maskedLm) heads.push({ name: HEAD_NAMES.maskedLm, params: sums.mlm, reads: 'every', tensors: tensors.mlm });
  if (parts.nextSentence) heads.push({ name: HEAD_NAMES.nextSentence, params: sums.nsp, reads: 'cls', tensors: tensors.nsp });
  return {
    model,
    bodyParams,
    tiedParams: parts.maskedLm && word ? count(word.shape) : 0,
    heads,
    layers: config.numLayers,
    hiddenSize: config.hiddenSize,
  };
}

/** A trained head's own numbers: every weight and bias of its layers. */
export function trainedHeadCount(head: TrainedHead): HeadCount {
  return {
    name: head.name,
    params: head.layers.reduce((n, l) => n + l.inSize * l.outSize + l.outSize, 0),
    reads: head.pooling === 'cls' ? 'cls' : 'mean',
    tensors: head.layers.map((l, k) => `layer ${k + 1} [${l.outSize}, ${l.inSize}] + bias`),
  };
}
