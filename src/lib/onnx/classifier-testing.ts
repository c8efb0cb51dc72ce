import { linearShapes, type BertHead } from './bert-head';
import { pooler } from './bert-blocks';
import type { EncoderConfig } from './bert-names';
import { seededRandom } from './fixture/feature-space';
import { linear } from './layers';
import { blankWeights } from './weight-shapes';

/*
 * For tests of what happens to a whole graph (quantizing it, moving its weights to an external file):
 * a one-layer BERT sentence classifier, pooled [CLS] → Linear(hidden → 2), with small seeded weights.
 */

export const TINY_CONFIG: EncoderConfig = {
  family: 'bert', vocabSize: 64, hiddenSize: 32, numLayers: 1, numHeads: 2,
  intermediateSize: 64, maxPositions: 16, typeVocabSize: 2, layerNormEps: 1e-12,
};

export const CLASSIFIER_HEAD: BertHead = {
  name: 'classifier',
  shapes: (c) => [...pooler.shapes(c), ...linearShapes('classifier', 2, c.hiddenSize)],
  outputs: () => [{ name: 'logits', dims: ['batch_size', 2] }],
  build: (ctx, c, hidden) => [linear(ctx, pooler.build(ctx, c, hidden), 'classifier', c.hiddenSize, 2)],
  reference: (ops, c, xs) => [ops.linear(pooler.reference(ops, c, xs), 'classifier', 2)],
};

/** The classifier's weights: zero-centred, each moved by up to ±0.1 from a seeded sequence. */
export function tinyClassifierWeights(seed: number): Record<string, Float32Array> {
  const weights = blankWeights(TINY_CONFIG, CLASSIFIER_HEAD);
  const r = seededRandom(seed);
  for (const data of Object.values(weights)) for (let i = 0; i < data.length; i++) data[i]! += (r() - 0.5) * 0.2;
  return weights;
}
