import { blankWeights, blockNames, embeddingNames, layerNames } from '../../lib/onnx';
import { FeatureSpace, seededRandom } from '../../lib/onnx/fixture/feature-space';
import { tinyConfig, type BenchCase, type FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { tokenId, VOCAB } from '../../lib/onnx/fixture/test-vocab';
import { MLM_ID } from './cases';
import { maskedLmHead } from './head';

/*
 * A tiny BERT masked LM with hand-written weights: animals and their sounds.
 * (npm run fixtures writes it to fixtures/models/hw-test/tiny-bert-mlm/.)
 *
 * [1] Each of the six words gets its own feature (an "identity" direction) in
 *     the embeddings; every other token is random noise in the remaining dims.
 * [2] One attention head looks for animal-or-sound words: the query is a
 *     constant, the key scores 12 on those words, so every position, the
 *     [MASK] included, attends almost only to them. The value/output maps swap
 *     each word for its partner: cat → meow, meow → cat, …
 * [3] The decoder is tied to the word embeddings, so a position whose vector
 *     points along meow's identity direction gives meow the top score. The
 *     transform dense keeps only the identity features, so the mask's own
 *     embedding and the noise never reach the scores.
 */

const H = 32;
const space = new FeatureSpace(H);

/** Partners: each word predicts the other. Feature index = position in this list. */
export const ANIMAL_SOUNDS = [
  ['cat', 'meow'],
  ['dog', 'woof'],
  ['cow', 'moo'],
] as const;

function mlmWeights() {
  const config = mlmFixture.config;
  const w = blankWeights(config, mlmFixture.head);
  const emb = embeddingNames(config);
  const words = ANIMAL_SOUNDS.flat(); // cat, meow, dog, woof, cow, moo → features 0…5
  const partner = (i: number) => i ^ 1; // 0↔1, 2↔3, 4↔5
  const word = w[emb.word]!;
  words.forEach((t, f) => space.set(word, tokenId(t), f, 2)); // [1]
  const noise = space.freePairs(words.map((_, f) => f));
  space.fillNoise(word, config.vocabSize, noise, seededRandom(31));
  space.jitter(w[emb.position]!, config.maxPositions, noise, 0.02, seededRandom(32));

  const l = layerNames(config, 0);
  w[`${l.query}.bias`]![0] = 4; // [2] score = 4 · (6 · 2) / √16 = 12 on the six words
  words.forEach((_, f) => {
    space.read(w[`${l.key}.weight`]!, 0, f, 6);
    space.read(w[`${l.value}.weight`]!, f, f, 1); // head 0 unit f carries feature f …
    space.write(w[`${l.attentionOut}.weight`]!, H, partner(f), f, 1); // … and lands on its partner
  });

  const n = blockNames(config); // [3]
  words.forEach((_, f) => space.connect(w[`${n.mlmTransform}.weight`]!, f, f, 2));
  // A mild prior for sentences without any of the six words: '.', 'the', 'a' first.
  w[n.mlmBias]!.set([1], tokenId('.'));
  w[n.mlmBias]!.set([0.8], tokenId('the'));
  w[n.mlmBias]!.set([0.6], tokenId('a'));
  return w;
}

export const mlmFixture: FixtureModelSpec = {
  id: MLM_ID,
  architecture: 'BertForMaskedLM',
  config: tinyConfig('bert', VOCAB.length, 1),
  head: maskedLmHead,
  tokenizerClass: 'BertTokenizer',
  modelMaxLength: 64,
  withOnnx: true,
  // model.safetensors too: the Inside panel rebuilds the body from the PyTorch checkpoint.
  safetensors: {},
  rule: 'an animal at the mask predicts its sound and a sound predicts its animal (cat/meow, dog/woof, cow/moo)',
  weights: mlmWeights,
};

export const maskedLmFixtures = [mlmFixture];
export const fixtures = maskedLmFixtures;

export const benchCase: BenchCase = {
  model: MLM_ID,
  params: { text: 'the cat says [MASK] .' },
  bareClass: 'AutoModelForMaskedLM',
  field: 'Text with [MASK] where words are hidden',
  inputs: (i) => `the ${['cat', 'dog', 'cow'][i % 3]} says [MASK] . ${'the '.repeat(i % 4)}${i}`,
};
