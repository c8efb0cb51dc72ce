import { embeddingNames, layerNames } from '../../lib/onnx/bert-names';
import { blankWeights } from '../../lib/onnx/weight-shapes';
import { FeatureSpace } from '../../lib/onnx/fixture/feature-space';
import { tinyConfig, type BenchCase, type FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { absoluteScore, relativeScore, waveEnergy, writeWaves, type Wave } from '../../lib/onnx/fixture/positions';
import { tokenId, VOCAB } from '../../lib/onnx/fixture/test-vocab';
import { QA_ID } from './cases';
import { QA_OUTPUTS, questionAnsweringHead } from './head';

/*
 * A tiny DistilBERT for extractive QA, weights by hand: "where does the <animal>
 * <verb> ?" is answered with the place word of the sentence about that animal.
 * DistilBERT has no segment embeddings, so question and context differ only by
 * position: everything here is done with position-aware attention (positions.ts).
 *
 * [1] Head A, "my animal": every token looks for the nearest animal about four
 *     tokens before it (a relative-position score, plus 12 for being an animal)
 *     and copies that animal's identity onto itself. "the cat sleeps on the mat":
 *     mat now carries "cat".
 * [2] Head B, "the asked animal": every token looks for the earliest animal in
 *     the whole input (an absolute-position score). The question comes first,
 *     so that is the question's animal; copied into the ASKED features.
 * [3] The feed-forward layer has one unit per animal, firing only for a place
 *     word whose own animal is the asked one: GELU(g·(mine + asked + 2·place − 3.5)).
 *     Its output is the MATCH feature.
 * [4] qa_outputs scores start and end alike: about 4.8 on a matching place
 *     (from MATCH), 3.3 on [CLS], 0 elsewhere. A matching place wins; with
 *     none, [CLS] wins: "no answer" (SQuAD 2 style).
 *     Question tokens can match too ("is the park where the dog runs ?" has its
 *     own park near the dog): the pipeline must mask the question out.
 */

const H = 32;
const HEAD_DIM = 16;
const space = new FeatureSpace(H);

export const QA_ANIMALS = ['cat', 'dog', 'cow', 'bird'] as const;
export const QA_PLACES = ['mat', 'park', 'house', 'farm', 'garden', 'bed'] as const;

const FAST: Wave = { cos: 0, sin: 1, theta: (2 * Math.PI) / 20, amplitude: 2 };
const SLOW: Wave = { cos: 2, sin: 3, theta: Math.PI / 64, amplitude: 2 };
const ANIMAL = [4, 5, 6, 7]; // identity of each animal in QA_ANIMALS; head A writes "my animal" here too
const [PLACE, CLS] = [8, 9];
const ASKED = [10, 11, 12, 13];
const [MATCH, FILL] = [14, 15];
const MARK = 1.5; // value of a word's own feature in the embedding

function qaWeights() {
  const config = qaFixture.config;
  const w = blankWeights(config, qaFixture.head);
  const word = w[embeddingNames(config).word]!;
  QA_ANIMALS.forEach((t, k) => space.set(word, tokenId(t), ANIMAL[k]!, MARK));
  QA_PLACES.forEach((t) => space.set(word, tokenId(t), PLACE, MARK));
  space.set(word, tokenId('[CLS]'), CLS, MARK);
  // Words take half the LayerNorm budget, positions the other half: every row has length² 32.
  space.compensate(word, config.vocabSize, FILL, H - waveEnergy([FAST, SLOW]));
  writeWaves(space, w[embeddingNames(config).position]!, config.maxPositions, [FAST, SLOW]);

  const l = layerNames(config, 0);
  const [q, k, v, o] = [l.query, l.key, l.value, l.attentionOut].map((m) => w[`${m}.weight`]!) as Float32Array[];
  const qBias = w[`${l.query}.bias`]!;
  // [1] head A: units 0–15
  relativeScore(space, q!, k!, [0, 1], FAST, 4, 6, HEAD_DIM);
  relativeScore(space, q!, k!, [2, 3], SLOW, 4, 12, HEAD_DIM);
  qBias[4] = 4;
  ANIMAL.forEach((pair, a) => {
    space.read(k!, 4, pair, (12 * Math.sqrt(HEAD_DIM)) / (4 * MARK));
    space.read(v!, 5 + a, pair, 1 / MARK);
    space.write(o!, H, pair, 5 + a, 1);
  });
  // [2] head B: units 16–31
  qBias[16] = 4;
  absoluteScore(space, k!, 16, SLOW, Math.PI / 4, 28, HEAD_DIM, 4);
  ANIMAL.forEach((pair, a) => {
    space.read(k!, 16, pair, (20 * Math.sqrt(HEAD_DIM)) / (4 * MARK));
    space.read(v!, 17 + a, pair, 1 / MARK);
    space.write(o!, H, ASKED[a]!, 17 + a, 1);
  });
  // [3]
  const gain = 8;
  ANIMAL.forEach((pair, a) => {
    space.read(w[`${l.ffnIn}.weight`]!, a, pair, gain);
    space.read(w[`${l.ffnIn}.weight`]!, a, ASKED[a]!, gain);
    space.read(w[`${l.ffnIn}.weight`]!, a, PLACE, (2 * gain) / MARK);
    w[`${l.ffnIn}.bias`]![a] = -3.5 * gain;
    space.write(w[`${l.ffnOut}.weight`]!, config.intermediateSize, MATCH, a, 1 / gain);
  });
  // [4]
  const qa = w[`${QA_OUTPUTS}.weight`]!;
  for (const row of [0, 1]) {
    space.read(qa, row, MATCH, 9 / 0.5);
    space.read(qa, row, CLS, 3.5 / MARK);
  }
  return w;
}

export const qaFixture: FixtureModelSpec = {
  id: QA_ID,
  architecture: 'DistilBertForQuestionAnswering',
  config: tinyConfig('distilbert', VOCAB.length, 1),
  head: questionAnsweringHead,
  tokenizerClass: 'DistilBertTokenizer',
  modelMaxLength: 64,
  withOnnx: true,
  // model.safetensors too: the Inside panel rebuilds the body from the PyTorch checkpoint.
  safetensors: {},
  rule: 'the answer is the place word of the sentence about the animal the question asks about; [CLS] if there is none',
  weights: qaWeights,
};

export const fixtures = [qaFixture];

export const benchCase: BenchCase = {
  model: QA_ID,
  params: { question: 'where does the dog run ?', context: 'the cat sleeps on the mat . the dog runs in the park .' },
  bareClass: 'AutoModelForQuestionAnswering',
  field: 'Question',
  inputs: (i) => `where does the ${['dog', 'cat'][i % 2]} ${['run', 'sleep'][i % 2]} ?${' ?'.repeat(i % 3)}`,
};
