import { blankWeights, blockNames, embeddingNames, layerNames, type EncoderConfig } from '../../lib/onnx';
import { FeatureSpace, seededRandom } from '../../lib/onnx/fixture/feature-space';
import { tinyConfig, type BenchCase, type FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { tokenId, VOCAB } from '../../lib/onnx/fixture/test-vocab';
import { NLI_ID, NLI_LABELS, NO_ONNX_ID, SST2_ID } from './cases';
import { CLASSIFIER, sequenceClassificationHead } from './head';

/*
 * Tiny test models for this hat, with weights written by hand so the answer is
 * known (npm run fixtures writes them to fixtures/models/<id>/).
 *
 * [1] Keyword attention: every position asks the same question (the query is
 *     a constant bias), and the key of a keyword token answers it with a large
 *     score (12), so softmax puts ~all of [CLS]'s attention on the keywords,
 *     however long the text. With no keyword every score is 0: attention is
 *     uniform and the value read is 0, so the head is undecided. Texts with
 *     both kinds of keyword get the average polarity: the majority wins.
 * [2] NLI needs an AND: "a negation word that sits in sentence B". Layer 0's
 *     feed-forward unit fires only when both features are present
 *     (GELU(10·neg + 10·segB − 15)); layer 1 has one head per question: "is there
 *     a negated-B token?" and "is there a sentence B at all?". Negation in
 *     sentence A alone does nothing: token_type_ids matter.
 */

const H = 32;
const space = new FeatureSpace(H);

export const POSITIVE_WORDS = ['great', 'good', 'love', 'wonderful', 'amazing', 'best'];
export const NEGATIVE_WORDS = ['awful', 'bad', 'hate', 'terrible', 'worst', 'boring'];
export const NEGATION_WORDS = ['not', 'no', 'never'];

function embeddings(config: EncoderConfig, weights: Record<string, Float32Array>, used: number[], seed: number) {
  const names = embeddingNames(config);
  const noise = space.freePairs(used);
  space.fillNoise(weights[names.word]!, config.vocabSize, noise, seededRandom(seed));
  space.jitter(weights[names.position]!, config.maxPositions, noise, 0.02, seededRandom(seed + 1));
}

function sst2Weights() {
  const config = sst2Fixture.config;
  const w = blankWeights(config, sst2Fixture.head);
  const [SAL, POL, CTX] = [0, 1, 2]; // salient keyword, its polarity, polarity seen by [CLS]
  const word = w[embeddingNames(config).word]!;
  for (const [words, polarity] of [[POSITIVE_WORDS, 1.5], [NEGATIVE_WORDS, -1.5]] as const) {
    for (const t of words) {
      space.set(word, tokenId(t), SAL, 1);
      space.set(word, tokenId(t), POL, polarity);
    }
  }
  embeddings(config, w, [SAL, POL, CTX], 11);
  const l = layerNames(config, 0);
  w[`${l.query}.bias`]![0] = 6; // [1] head 0 unit 0: the constant question
  space.read(w[`${l.key}.weight`]!, 0, SAL, 8); // score = 6 · 8 · sal / √16 = 12
  space.read(w[`${l.value}.weight`]!, 0, POL, 1);
  space.write(w[`${l.attentionOut}.weight`]!, H, CTX, 0, 1.5);
  const n = blockNames(config);
  space.read(w[`${n.preClassifier}.weight`]!, 0, CTX, 2); // ReLU(+pol) and ReLU(−pol)
  space.read(w[`${n.preClassifier}.weight`]!, 1, CTX, -2);
  w[`${CLASSIFIER}.weight`]!.set([-1, 1], 0); // NEGATIVE = u1 − u0
  w[`${CLASSIFIER}.weight`]!.set([1, -1], H); // POSITIVE = u0 − u1
  return w;
}

function nliWeights() {
  const config = nliFixture.config;
  const w = blankWeights(config, nliFixture.head);
  const [NEG, SEGB, NOTB, ANY_NOTB, ANY_B] = [0, 1, 2, 3, 4];
  const word = w[embeddingNames(config).word]!;
  for (const t of NEGATION_WORDS) space.set(word, tokenId(t), NEG, 1);
  space.set(w[embeddingNames(config).tokenType]!, 1, SEGB, 1); // every token of sentence B
  embeddings(config, w, [NEG, SEGB, NOTB, ANY_NOTB, ANY_B], 21);
  const l0 = layerNames(config, 0); // [2] attention off; the FFN computes the AND
  space.read(w[`${l0.ffnIn}.weight`]!, 0, NEG, 10);
  space.read(w[`${l0.ffnIn}.weight`]!, 0, SEGB, 10);
  w[`${l0.ffnIn}.bias`]![0] = -15;
  space.write(w[`${l0.ffnOut}.weight`]!, config.intermediateSize, NOTB, 0, 0.5);
  const l1 = layerNames(config, 1);
  w[`${l1.query}.bias`]!.set([4], 0); // head 0: any negated-B token?
  w[`${l1.query}.bias`]!.set([4], 16); // head 1 (units 16…31): any sentence-B token?
  space.read(w[`${l1.key}.weight`]!, 0, NOTB, 6);
  space.read(w[`${l1.key}.weight`]!, 16, SEGB, 12);
  space.read(w[`${l1.value}.weight`]!, 0, NOTB, 1);
  space.read(w[`${l1.value}.weight`]!, 16, SEGB, 1);
  space.write(w[`${l1.attentionOut}.weight`]!, H, ANY_NOTB, 0, 1);
  space.write(w[`${l1.attentionOut}.weight`]!, H, ANY_B, 16, 2);
  const n = blockNames(config); // pooler: p0 = tanh(5·(anyNotB − 0.8)), p1 = tanh(5·(anyB − 0.8))
  space.read(w[`${n.pooler}.weight`]!, 0, ANY_NOTB, 5);
  space.read(w[`${n.pooler}.weight`]!, 1, ANY_B, 5);
  w[`${n.pooler}.bias`]!.set([-4, -4]);
  // entailment = 4·(p1 − p0), neutral = −8·p1, contradiction = 4·(p0 + p1): the winner leads by 8.
  w[`${CLASSIFIER}.weight`]!.set([-4, 4], 0);
  w[`${CLASSIFIER}.weight`]!.set([0, -8], H);
  w[`${CLASSIFIER}.weight`]!.set([4, 4], 2 * H);
  return w;
}

export const sst2Fixture: FixtureModelSpec = {
  id: SST2_ID,
  architecture: 'DistilBertForSequenceClassification',
  config: tinyConfig('distilbert', VOCAB.length, 1),
  head: sequenceClassificationHead(2),
  labels: ['NEGATIVE', 'POSITIVE'],
  tokenizerClass: 'DistilBertTokenizer',
  modelMaxLength: 64,
  withOnnx: true,
  // model.safetensors too: the Inside panel rebuilds the body from the PyTorch checkpoint.
  safetensors: {},
  rule: `POSITIVE if the text has ${POSITIVE_WORDS.join('/')}, NEGATIVE if ${NEGATIVE_WORDS.join('/')}, else 50/50`,
  weights: sst2Weights,
};

export const nliFixture: FixtureModelSpec = {
  id: NLI_ID,
  architecture: 'BertForSequenceClassification',
  config: tinyConfig('bert', VOCAB.length, 2),
  head: sequenceClassificationHead(3),
  labels: NLI_LABELS,
  tokenizerClass: 'BertTokenizer',
  modelMaxLength: 64,
  withOnnx: true,
  // model.safetensors too: the Inside panel rebuilds the body from the PyTorch checkpoint.
  safetensors: {},
  rule: `contradiction if sentence B has ${NEGATION_WORDS.join('/')}, entailment otherwise, neutral without sentence B`,
  weights: nliWeights,
};

/** Config and tokenizer of the SST-2 fixture but no onnx/ folder: the "model has no ONNX files" path. */
export const noOnnxFixture: FixtureModelSpec = {
  ...sst2Fixture,
  id: NO_ONNX_ID,
  withOnnx: false,
  safetensors: undefined,
  rule: 'no onnx/ folder',
};

export const sequenceClassificationFixtures = [sst2Fixture, nliFixture, noOnnxFixture];
export const fixtures = sequenceClassificationFixtures;

export const benchCase: BenchCase = {
  model: SST2_ID,
  params: { text: 'this movie was great' },
  bareClass: 'AutoModelForSequenceClassification',
  field: 'Text',
  inputs: (i) => `this movie was ${i % 2 ? 'great' : 'awful'} and the cat ${'sleeps '.repeat(i % 5)}said so ${i}`,
};
