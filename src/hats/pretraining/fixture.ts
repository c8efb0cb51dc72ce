import { blockNames, embeddingNames, layerNames, type EncoderConfig } from '../../lib/onnx/bert-names';
import { blankWeights } from '../../lib/onnx/weight-shapes';
import { FeatureSpace, seededRandom } from '../../lib/onnx/fixture/feature-space';
import { tinyConfig, type BenchCase, type FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { tokenId, VOCAB } from '../../lib/onnx/fixture/test-vocab';
import { NO_NSP_HEAD_ID, NO_SAFETENSORS_ID, PRETRAINING_ID } from './cases';
import { pretrainingHead } from './head';

/*
 * A tiny BertForPreTraining checkpoint, weights by hand, stored like
 * google-bert/bert-base-uncased: model.safetensors only (no ONNX), the MLM
 * decoder tied to the word embeddings (no cls.predictions.decoder.weight), and
 * some LayerNorm tensors under their TensorFlow-era names gamma/beta. Both
 * pretraining heads answer: masked words (MLM) and "does B follow A?" (NSP).
 * One layer, four heads of 8 units.
 *
 * [1] MLM, as in hw-test/tiny-bert-mlm: head 0 looks for animal and sound words
 *     and writes each one's partner (cat → meow, meow → cat, …) onto every
 *     position; the tied decoder turns "points at meow" into "predicts meow".
 * [2] NSP by topic: words about animals carry topic +1 (cat, hungry, fish, …),
 *     words about money −1 (stock, market, fell, price). Head 1 averages the
 *     topic of sentence A's topical words into [CLS] (key 12 for a topical word
 *     in segment A), head 2 that of sentence B.
 * [3] The pooler: p0 = tanh(6·(a + b − 1)), p1 = tanh(6·(−a − b − 1)); p0 + p1 + 1
 *     is +1 when both sentences share a topic, −1 when they differ, 0 when only
 *     one has a topic. cls.seq_relationship: IsNext = 4·(p0 + p1 + 1), NotNext = 0.
 */

const H = 32;
const HEAD_DIM = 8;
const space = new FeatureSpace(H);

export const PARTNERS = [
  ['cat', 'meow'],
  ['dog', 'woof'],
  ['cow', 'moo'],
] as const;
export const TOPICS = {
  animals: ['cat', 'dog', 'cow', 'bird', 'fish', 'hungry', 'eats', 'eat', 'food', 'meow', 'woof', 'moo', 'purr'],
  money: ['stock', 'market', 'fell', 'price'],
} as const;

const [SALIENT, TOPIC, SEGMENT_B, TOPIC_A, TOPIC_B] = [6, 7, 8, 9, 10]; // pairs 0–5: the partner words
const MARK = 1.5;

function pretrainingWeights() {
  const config = pretrainingFixture.config;
  const w = blankWeights(config, pretrainingFixture.head);
  const emb = embeddingNames(config);
  const word = w[emb.word]!;
  const partnerWords = PARTNERS.flat(); // cat, meow, dog, woof, cow, moo → pairs 0…5
  partnerWords.forEach((t, f) => space.set(word, tokenId(t), f, 2));
  for (const [topic, sign] of [['animals', 1], ['money', -1]] as const) {
    for (const t of TOPICS[topic]) {
      space.set(word, tokenId(t), SALIENT, MARK);
      space.set(word, tokenId(t), TOPIC, sign * MARK);
    }
  }
  space.set(w[emb.tokenType]!, 1, SEGMENT_B, MARK);
  const noise = space.freePairs([...partnerWords.map((_, f) => f), SALIENT, TOPIC, SEGMENT_B, TOPIC_A, TOPIC_B]);
  space.fillNoise(word, config.vocabSize, noise, seededRandom(61));
  space.jitter(w[emb.position]!, config.maxPositions, noise, 0.02, seededRandom(62));

  const l = layerNames(config, 0);
  const [k, v, o] = [l.key, l.value, l.attentionOut].map((m) => w[`${m}.weight`]!) as Float32Array[];
  const qBias = w[`${l.query}.bias`]!;
  const perUnit = Math.sqrt(HEAD_DIM) / 4; // key value per point of score, with a query bias of 4
  qBias[0] = 4; // [1] head 0: units 0–7
  partnerWords.forEach((_, f) => {
    space.read(k!, 0, f, (12 * perUnit) / 2);
    space.read(v!, f, f, 1);
    space.write(o!, H, f ^ 1, f, 1);
  });
  qBias[8] = 4; // [2] head 1: units 8–15, sentence A
  space.read(k!, 8, SALIENT, (12 * perUnit) / MARK);
  space.read(k!, 8, SEGMENT_B, (-12 * perUnit) / MARK);
  space.read(v!, 9, TOPIC, 1 / MARK);
  space.write(o!, H, TOPIC_A, 9, 1);
  qBias[16] = 4; // head 2: units 16–23, sentence B
  space.read(k!, 16, SALIENT, (12 * perUnit) / MARK);
  space.read(k!, 16, SEGMENT_B, (12 * perUnit) / MARK);
  w[`${l.key}.bias`]![16] = -12 * perUnit;
  space.read(v!, 17, TOPIC, 1 / MARK);
  space.write(o!, H, TOPIC_B, 17, 1);

  const n = blockNames(config);
  partnerWords.forEach((_, f) => space.connect(w[`${n.mlmTransform}.weight`]!, f, f, 2));
  w[n.mlmBias]!.set([1], tokenId('.'));
  w[n.mlmBias]!.set([0.8], tokenId('the'));
  w[n.mlmBias]!.set([0.6], tokenId('a'));
  const pooler = w[`${n.pooler}.weight`]!; // [3]
  for (const [unit, sign] of [[0, 1], [1, -1]] as const) {
    space.read(pooler, unit, TOPIC_A, 6 * sign);
    space.read(pooler, unit, TOPIC_B, 6 * sign);
    w[`${n.pooler}.bias`]![unit] = -6;
  }
  w[`${n.seqRelationship}.weight`]!.set([4, 4], 0); // IsNext row
  w[`${n.seqRelationship}.bias`]!.set([4, 0]);
  return w;
}

/** google-bert/bert-base-uncased stores LayerNorm scales as gamma/beta; here the embedding and MLM-head ones. */
export function legacyLayerNormName(name: string): string {
  if (!/^(bert\.embeddings|cls\.predictions\.transform)\.LayerNorm\./.test(name)) return name;
  return name.replace(/\.weight$/, '.gamma').replace(/\.bias$/, '.beta');
}

const config: EncoderConfig = { ...tinyConfig('bert', VOCAB.length, 1), numHeads: 4 };

export const pretrainingFixture: FixtureModelSpec = {
  id: PRETRAINING_ID,
  architecture: 'BertForPreTraining',
  config,
  head: pretrainingHead,
  tokenizerClass: 'BertTokenizer',
  modelMaxLength: 64,
  withOnnx: false,
  safetensors: { rename: legacyLayerNormName },
  rule: 'MLM: an animal predicts its sound and back; NSP: IsNext when both sentences are about animals or both about money',
  weights: pretrainingWeights,
};

/** The same checkpoint without cls.seq_relationship.*: the NSP head is missing (error path). */
export const noNspHeadFixture: FixtureModelSpec = {
  ...pretrainingFixture,
  id: NO_NSP_HEAD_ID,
  architecture: 'BertForMaskedLM',
  safetensors: { rename: legacyLayerNormName, omit: ['cls.seq_relationship.weight', 'cls.seq_relationship.bias'] },
  rule: 'tiny-bert-pretraining without cls.seq_relationship.*',
};

/** config.json and tokenizer only: no model.safetensors, no onnx/ (error path). */
export const noSafetensorsFixture: FixtureModelSpec = {
  ...pretrainingFixture,
  id: NO_SAFETENSORS_ID,
  safetensors: undefined,
  rule: 'no model.safetensors',
};

export const fixtures = [pretrainingFixture, noNspHeadFixture, noSafetensorsFixture];

export const benchCase: BenchCase = {
  model: PRETRAINING_ID,
  params: { sentence_a: 'the cat says [MASK] .', sentence_b: 'the cat eats fish .', labels: 'meow', is_next: 'true' },
  field: 'Sentence A',
  inputs: (i) => `the ${['cat', 'dog', 'cow'][i % 3]} says [MASK] .${' the'.repeat(i % 4)} ${i}`,
};
