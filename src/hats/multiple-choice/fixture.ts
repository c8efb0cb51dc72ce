import { blockNames, embeddingNames, layerNames } from '../../lib/onnx/bert-names';
import { blankWeights } from '../../lib/onnx/weight-shapes';
import { FeatureSpace, seededRandom } from '../../lib/onnx/fixture/feature-space';
import { tinyConfig, type BenchCase, type FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { tokenId, VOCAB } from '../../lib/onnx/fixture/test-vocab';
import { SWAG_ID } from './cases';
import { CLASSIFIER, multipleChoiceHead } from './head';

/*
 * A tiny BertForMultipleChoice checkpoint, weights by hand, published the way
 * most such checkpoints are: model.safetensors and no ONNX export (the hat
 * builds the graph in the page). Each (context, choice) pair is one row,
 * [CLS] context [SEP] choice [SEP], and gets one score; softmax across the
 * rows picks the choice.
 *
 * [1] A need in the context (hungry) and something that meets it in the
 *     choice (eats, eat, fish, food). token_type_ids tell the two apart: the
 *     segment embedding of sentence B carries a SEGMENT_B feature.
 * [2] Head 0 asks "is there a need in the context?": key 12 for a need word in
 *     segment A, 0 for other A tokens, −12 for B. Head 1 asks "is there food in
 *     the choice?": 12 for a food word in B. Each copies its answer (≈ 1 or 0)
 *     into [CLS].
 * [3] The pooler computes the AND: tanh(6·(need + food − 1.5)), +1 when both,
 *     −1 otherwise; the classifier scores 4 × that. A choice that meets the
 *     need leads the others by 8 logits.
 */

const H = 32;
const space = new FeatureSpace(H);

export const NEED_WORDS = ['hungry'] as const;
export const FOOD_WORDS = ['eats', 'eat', 'fish', 'food'] as const;

const [NEED, FOOD, SEGMENT_B, ANY_NEED, ANY_FOOD] = [0, 1, 2, 3, 4];
const MARK = 1.5;

function swagWeights() {
  const config = swagFixture.config;
  const w = blankWeights(config, swagFixture.head);
  const emb = embeddingNames(config);
  const word = w[emb.word]!;
  NEED_WORDS.forEach((t) => space.set(word, tokenId(t), NEED, MARK)); // [1]
  FOOD_WORDS.forEach((t) => space.set(word, tokenId(t), FOOD, MARK));
  space.set(w[emb.tokenType]!, 1, SEGMENT_B, MARK);
  const noise = space.freePairs([NEED, FOOD, SEGMENT_B, ANY_NEED, ANY_FOOD]);
  space.fillNoise(word, config.vocabSize, noise, seededRandom(51));
  space.jitter(w[emb.position]!, config.maxPositions, noise, 0.02, seededRandom(52));

  const l = layerNames(config, 0); // [2]; score = 4 · key / √16 = key
  const [k, v, o] = [l.key, l.value, l.attentionOut].map((m) => w[`${m}.weight`]!) as Float32Array[];
  w[`${l.query}.bias`]!.set([4], 0);
  w[`${l.query}.bias`]!.set([4], 16);
  space.read(k!, 0, NEED, 12 / MARK);
  space.read(k!, 0, SEGMENT_B, -12 / MARK);
  space.read(k!, 16, FOOD, 12 / MARK);
  space.read(k!, 16, SEGMENT_B, 12 / MARK);
  w[`${l.key}.bias`]![16] = -12;
  space.read(v!, 1, NEED, 1 / MARK);
  space.read(v!, 17, FOOD, 1 / MARK);
  space.write(o!, H, ANY_NEED, 1, 1);
  space.write(o!, H, ANY_FOOD, 17, 1);

  const n = blockNames(config); // [3]
  space.read(w[`${n.pooler}.weight`]!, 0, ANY_NEED, 6);
  space.read(w[`${n.pooler}.weight`]!, 0, ANY_FOOD, 6);
  w[`${n.pooler}.bias`]![0] = -9;
  w[`${CLASSIFIER}.weight`]![0] = 4;
  return w;
}

export const swagFixture: FixtureModelSpec = {
  id: SWAG_ID,
  architecture: 'BertForMultipleChoice',
  config: tinyConfig('bert', VOCAB.length, 1),
  head: multipleChoiceHead,
  tokenizerClass: 'BertTokenizer',
  modelMaxLength: 64,
  withOnnx: false,
  safetensors: {},
  rule: `a choice with ${FOOD_WORDS.join('/')} wins when the context has ${NEED_WORDS.join('/')}; otherwise all choices tie`,
  weights: swagWeights,
};

export const fixtures = [swagFixture];

/** BenchCase.params cannot repeat a key, so the choices (`choice=…&choice=…`) stay the hat's defaults. */
export const benchCase: BenchCase = {
  model: SWAG_ID,
  params: { context: 'the cat is hungry .', choice: ['it eats fish .', 'it flies to the moon .', 'it reads a book .'] },
  field: 'Context',
  inputs: (i) => `the ${['cat', 'dog'][i % 2]} is ${['hungry', 'happy'][i % 2]} .${' the'.repeat(i % 4)} ${i}`,
};
