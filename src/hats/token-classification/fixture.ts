import { embeddingNames, layerNames } from '../../lib/onnx/bert-names';
import { blankWeights } from '../../lib/onnx/weight-shapes';
import { FeatureSpace } from '../../lib/onnx/fixture/feature-space';
import { tinyConfig, type BenchCase, type FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { relativeScore, waveEnergy, writeWaves, type Wave } from '../../lib/onnx/fixture/positions';
import { tokenId, VOCAB } from '../../lib/onnx/fixture/test-vocab';
import { NER_ID, NER_LABELS } from './cases';
import { CLASSIFIER, tokenClassificationHead } from './head';

/*
 * A tiny BERT named-entity tagger, weights by hand, labels in the order of
 * dslim/bert-base-NER (not alphabetical, so code must go through id2label).
 *
 * [1] Known names carry a type feature in their embedding: PER (miya, ann),
 *     LOC (paris, london), ORG (hugging). The classifier reads it as B-<type>.
 * [2] "Continuers" (every ## word piece, and "face") look back: a head whose
 *     score favours the token just before (a relative-position score, see
 *     positions.ts) and named tokens copies the type of a name right before
 *     them into PREV features. "ann ##abel": ##abel sees ann's PER.
 * [3] The feed-forward layer turns "continuer AND a name of type T just
 *     before" into I-<type>: GELU(g·(prev_T + continuer − 1.5)). So ##abel is
 *     I-PER, "hugging face" is B-ORG I-ORG, and "your face" stays O.
 */

const H = 32;
const HEAD_DIM = 16;
const space = new FeatureSpace(H);

export const NER_NAMES = { PER: ['miya', 'ann'], LOC: ['paris', 'london'], ORG: ['hugging'] } as const;
const TYPES = ['PER', 'LOC', 'ORG'] as const;

const FAST: Wave = { cos: 0, sin: 1, theta: (2 * Math.PI) / 16, amplitude: 2 };
const SLOW: Wave = { cos: 2, sin: 3, theta: Math.PI / 64, amplitude: 2 };
const TYPE = [4, 5, 6];
const CONT = 7;
const PREV = [8, 9, 10];
const INSIDE = [11, 12, 13];
const FILL = 14;
const MARK = 1.5;

function nerWeights() {
  const config = nerFixture.config;
  const w = blankWeights(config, nerFixture.head);
  const word = w[embeddingNames(config).word]!;
  TYPES.forEach((type, t) => NER_NAMES[type].forEach((name) => space.set(word, tokenId(name), TYPE[t]!, MARK))); // [1]
  VOCAB.forEach((token, id) => {
    if (token.startsWith('##') || token === 'face') space.set(word, id, CONT, MARK);
  });
  space.compensate(word, config.vocabSize, FILL, H - waveEnergy([FAST, SLOW]));
  writeWaves(space, w[embeddingNames(config).position]!, config.maxPositions, [FAST, SLOW]);

  const l = layerNames(config, 0); // [2] head 0
  const [q, k, v, o] = [l.query, l.key, l.value, l.attentionOut].map((m) => w[`${m}.weight`]!) as Float32Array[];
  relativeScore(space, q!, k!, [0, 1], FAST, 1, 8, HEAD_DIM);
  relativeScore(space, q!, k!, [2, 3], SLOW, 1, 12, HEAD_DIM);
  w[`${l.query}.bias`]![4] = 4;
  TYPE.forEach((pair, t) => {
    space.read(k!, 4, pair, (8 * Math.sqrt(HEAD_DIM)) / (4 * MARK));
    space.read(v!, 5 + t, pair, 1 / MARK);
    space.write(o!, H, PREV[t]!, 5 + t, 1);
  });
  const gain = 8; // [3]
  TYPE.forEach((_, t) => {
    space.read(w[`${l.ffnIn}.weight`]!, t, PREV[t]!, gain);
    space.read(w[`${l.ffnIn}.weight`]!, t, CONT, gain / MARK);
    w[`${l.ffnIn}.bias`]![t] = -1.5 * gain;
    space.write(w[`${l.ffnOut}.weight`]!, config.intermediateSize, INSIDE[t]!, t, 1 / gain);
  });
  const classifier = w[`${CLASSIFIER}.weight`]!;
  const bias = w[`${CLASSIFIER}.bias`]!;
  bias.set([3, -3, -3, -1, -1, -1, -1, -1, -1]); // O unless a feature says otherwise
  TYPES.forEach((type, t) => {
    space.read(classifier, NER_LABELS.indexOf(`B-${type}`), TYPE[t]!, 7 / MARK);
    space.read(classifier, NER_LABELS.indexOf(`I-${type}`), INSIDE[t]!, 7 / 0.45);
  });
  return w;
}

export const nerFixture: FixtureModelSpec = {
  id: NER_ID,
  architecture: 'BertForTokenClassification',
  config: tinyConfig('bert', VOCAB.length, 1),
  head: tokenClassificationHead(NER_LABELS.length),
  labels: NER_LABELS,
  tokenizerClass: 'BertTokenizer',
  modelMaxLength: 64,
  withOnnx: true,
  // model.safetensors too: the Inside panel rebuilds the body from the PyTorch checkpoint.
  safetensors: {},
  rule: 'names: miya/ann PER, paris/london LOC, hugging ORG (B-); a ## piece or "face" right after a name continues it (I-)',
  weights: nerWeights,
};

export const fixtures = [nerFixture];

export const benchCase: BenchCase = {
  model: NER_ID,
  params: { text: 'miya lives in paris' },
  bareClass: 'AutoModelForTokenClassification',
  field: 'Text',
  inputs: (i) => `${['miya', 'annabel'][i % 2]} lives in ${['paris', 'london'][i % 2]} and works at hugging face ${i}`,
};
