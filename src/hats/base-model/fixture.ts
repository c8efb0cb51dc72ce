import { embeddingNames, layerNames } from '../../lib/onnx/bert-names';
import { blankWeights } from '../../lib/onnx/weight-shapes';
import { FeatureSpace, seededRandom } from '../../lib/onnx/fixture/feature-space';
import { tinyConfig, type BenchCase, type FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { tokenId, VOCAB } from '../../lib/onnx/fixture/test-vocab';
import { EMBED_ID } from './cases';
import { baseHead } from './head';

/*
 * A tiny BertModel (no head): its output is last_hidden_state, one 32-number
 * vector per token, as sentence-embedding models such as all-MiniLM-L6-v2 give.
 * Tensor names have no "bert." prefix, as in a BertModel checkpoint.
 *
 * [1] Words of a kind share a direction: determiners (the, a, an, this, that),
 *     animals, vehicles, colours, resting verbs, moving verbs. On top, every
 *     token has its own random direction, so "the" and "a" are alike, not equal.
 * [2] One layer mixes context in: attention is uniform (query and key are
 *     zero), the value passes the vector through at half strength, so every
 *     token becomes itself + ½ · the sentence average, then LayerNorm. The
 *     same word gets a slightly different vector in another sentence.
 * Mean pooling then makes "the cat sleeps" and "a cat sleeps" close, and
 * "the car is red" further away.
 */

const H = 32;
const space = new FeatureSpace(H);

export const WORD_KINDS: Record<string, readonly string[]> = {
  determiner: ['the', 'a', 'an', 'this', 'that', 'my', 'your', 'his', 'her', 'our'],
  animal: ['cat', 'dog', 'cow', 'bird', 'fish'],
  vehicle: ['car'],
  colour: ['red'],
  rest: ['sleeps', 'sleep', 'sits', 'sat', 'asleep'],
  move: ['runs', 'run', 'flies'],
};

function embedWeights() {
  const config = embedFixture.config;
  const w = blankWeights(config, embedFixture.head);
  const word = w[embeddingNames(config).word]!;
  const kinds = Object.values(WORD_KINDS);
  kinds.forEach((words, pair) => words.forEach((t) => space.set(word, tokenId(t), pair, 3.5))); // [1]
  const noise = space.freePairs(kinds.map((_, pair) => pair));
  space.fillNoise(word, config.vocabSize, noise, seededRandom(41));
  space.jitter(w[embeddingNames(config).position]!, config.maxPositions, noise, 0.02, seededRandom(42));
  const l = layerNames(config, 0); // [2]
  for (let d = 0; d < H; d++) {
    w[`${l.value}.weight`]![d * H + d] = 0.25;
    w[`${l.attentionOut}.weight`]![d * H + d] = 1;
  }
  return w;
}

export const embedFixture: FixtureModelSpec = {
  id: EMBED_ID,
  architecture: 'BertModel',
  config: { ...tinyConfig('bert', VOCAB.length, 1), prefix: '' },
  head: baseHead,
  tokenizerClass: 'BertTokenizer',
  modelMaxLength: 64,
  withOnnx: true,
  rule: 'words of a kind (determiners, animals, vehicles, colours, verbs of rest or motion) share a direction; one layer mixes in the sentence average',
  weights: embedWeights,
};

export const fixtures = [embedFixture];

export const benchCase: BenchCase = {
  model: EMBED_ID,
  params: { text: 'the cat sleeps' },
  bareClass: 'AutoModel',
  field: 'Text',
  inputs: (i) => `${['the', 'a'][i % 2]} ${['cat', 'dog', 'car'][i % 3]} ${'sleeps '.repeat(1 + (i % 3))}${i}`,
};
