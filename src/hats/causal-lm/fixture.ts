import { serializeModel, quantizeDynamic } from '../../lib/onnx';
import {
  blankGpt2Weights,
  buildGpt2Model,
  byteLevelTokenizerConfig,
  byteLevelTokenizerJson,
  byteLevelVocab,
  gpt2LayerNames,
  gpt2WeightShapes,
  GPT2_NAMES,
  type Gpt2Config,
} from '../../lib/onnx/gpt2';
import { checkpointFile } from '../../lib/onnx/fixture/checkpoint-file';
import { FeatureSpace, seededRandom } from '../../lib/onnx/fixture/feature-space';
import type { BenchCase, FixtureFolder } from '../../lib/onnx/fixture/fixture-spec';
import { BYTE_TOKEN, GPT2_ID, GPT2_MERGED_ID, GPT2_NO_PAST_ID } from './cases';

/*
 * Tiny GPT-2 models for this hat, with weights written by hand so the
 * continuation is known (npm run fixtures writes them to fixtures/models/<id>/).
 * One layer, n_embd 32, 2 heads, byte-level BPE vocabulary of the 256 byte
 * symbols plus a few words; <|endoftext|> is the last id (as 50256 is in GPT-2).
 *
 * [1] The next token is read off the current one: each word of the story has
 *     its own feature pair, and lm_head's row for a word reads the feature of
 *     the word it follows (a bigram table): the → cat, cat → sat, sat → on,
 *     on → the, mat → ".", "." → <|endoftext|>, purr → purr (forever), and
 *     a → cat / dog / cow / bird with equal scores (what seeded sampling picks).
 * [2] "the" is followed by "cat" at the start of a story but by "mat" after
 *     "on": the attention head of layer 0 asks every earlier position "are you
 *     'on'?" (constant query, a key that answers 12 for "on" and 0 otherwise),
 *     so an "on" anywhere to the left sets the SEEN_ON feature, which moves
 *     lm_head's vote from "cat" to "mat". Only the causal mask and a working KV
 *     cache let a later step see that earlier "on": a cache bug writes "cat".
 * [3] After "purr" the runner-up (3 logits below " purr", about 5%) is the lone byte 0xE2, the first
 *     of the three bytes of "…" or "♥": no whole character, so the page must show it as <0xE2>
 *     rather than a replacement box. Greedy decoding still purrs.
 */


const H = 32;
const space = new FeatureSpace(H);
const [KEY_ON, SEEN_ON] = [0, 1];
const WORDS = ['the', 'a', 'cat', 'dog', 'cow', 'bird', 'sat', 'on', 'mat', 'purr', 'miya', 'sleeps', 'says', 'and', 'is', 'hello'];
const CHAIN = ['the', 'a', 'cat', 'dog', 'cow', 'bird', 'sat', 'on', 'mat', 'purr', '.', '<|endoftext|>'];
/** Pair 2 + k is the identity feature of CHAIN[k]; pairs 14 and 15 carry small position jitter no layer reads. */
const identity = (word: string) => 2 + CHAIN.indexOf(word);
const G = 12;
const K = 4;

export const vocab = byteLevelVocab(WORDS);
const id = (token: string) => {
  const i = vocab.tokens.indexOf(token);
  if (i < 0) throw new Error(`${token} is not in the fixture vocabulary`);
  return i;
};
export const EOS_ID = id(vocab.eosToken);

export const gpt2Config: Gpt2Config = {
  vocabSize: vocab.tokens.length,
  hiddenSize: H,
  numLayers: 1,
  numHeads: 2,
  innerSize: 64,
  maxPositions: 1024,
  layerNormEps: 1e-5,
};

/** Every spelling of a chain word: bare (start of text) and after a space ("Ġcat"); "." and the end token have one. */
function spellings(word: string): number[] {
  return WORDS.includes(word) ? [id(word), id(`Ġ${word}`)] : [id(word)];
}

/** lm_head rows: [successor token, predecessor word, gain]. [1] */
const BIGRAMS: [string, string, number][] = [
  ['the', '<|endoftext|>', G],
  ['Ġcat', 'the', G + 3],
  ['Ġmat', 'the', G],
  ...['Ġcat', 'Ġdog', 'Ġcow', 'Ġbird'].map((t): [string, string, number] => [t, 'a', G]),
  ...['cat', 'dog', 'cow', 'bird'].map((w): [string, string, number] => ['Ġsat', w, G]),
  ['Ġon', 'sat', G],
  ['Ġthe', 'on', G],
  ['.', 'mat', G],
  ['<|endoftext|>', '.', G],
  ['Ġpurr', 'purr', G],
  [BYTE_TOKEN.symbol, 'purr', G - 3], // [3]
];

function weights(): Record<string, Float32Array> {
  const c = gpt2Config;
  const w = blankGpt2Weights(c);
  const wte = w[GPT2_NAMES.wte]!;
  const identityPairs = Array.from({ length: CHAIN.length }, (_, k) => 2 + k);
  // Words outside the story get random identities: distinct tokens, no strong vote.
  space.fillNoise(wte, c.vocabSize, identityPairs, seededRandom(7));
  for (const word of CHAIN) {
    for (const row of spellings(word)) {
      wte.fill(0, row * H, (row + 1) * H);
      if (word === 'on') space.set(wte, row, KEY_ON, 1);
      const used = word === 'on' ? 2 : 0;
      space.set(wte, row, identity(word), Math.sqrt((H - used) / 2)); // every row: sum of squares 32, so LayerNorm leaves it be
    }
  }
  space.jitter(w[GPT2_NAMES.wpe]!, c.maxPositions, [14, 15], 0.05, seededRandom(8));
  // [2] Layer 0, head 0 (units 0…15 of Q, K, V): "was there an 'on' to my left?"
  const n = gpt2LayerNames(0);
  const cAttn = w[`${n.attn}.weight`]!; // Conv1D [in = 32, out = 96]: Q 0…31, K 32…63, V 64…95
  const readInOut = (weight: Float32Array, outDim: number, out: number, pair: number, gain: number) => {
    weight[2 * pair * outDim + out] = (weight[2 * pair * outDim + out] as number) + gain / 2;
    weight[(2 * pair + 1) * outDim + out] = (weight[(2 * pair + 1) * outDim + out] as number) - gain / 2;
  };
  w[`${n.attn}.bias`]![0] = 6; // the constant question
  readInOut(cAttn, 3 * H, H, KEY_ON, 8); // score = 6 · 8 / √16 = 12 for "on"
  readInOut(cAttn, 3 * H, 2 * H, KEY_ON, 1); // the value read: 1 for "on"
  const proj = w[`${n.attnProj}.weight`]!; // Conv1D [in = 32, out = 32]: head 0 unit 0 → SEEN_ON
  proj[2 * SEEN_ON] = 1;
  proj[2 * SEEN_ON + 1] = -1;
  // [1] lm_head [vocab, 32]: each successor reads its predecessor's identity (value 4 after ln_f → logit = gain).
  const head = w[GPT2_NAMES.lmHead]!;
  for (const [next, prev, gain] of BIGRAMS) space.read(head, id(next), identity(prev), gain / Math.sqrt((H - (prev === 'on' ? 2 : 0)) / 2));
  space.read(head, id('Ġcat'), SEEN_ON, -K);
  space.read(head, id('Ġmat'), SEEN_ON, K);
  return w;
}

function configJson(withPast: boolean) {
  const c = gpt2Config;
  return {
    activation_function: 'gelu_new',
    architectures: ['GPT2LMHeadModel'],
    bos_token_id: EOS_ID,
    eos_token_id: EOS_ID,
    layer_norm_epsilon: c.layerNormEps,
    model_type: 'gpt2',
    n_ctx: c.maxPositions,
    n_embd: c.hiddenSize,
    n_head: c.numHeads,
    n_inner: c.innerSize,
    n_layer: c.numLayers,
    n_positions: c.maxPositions,
    tie_word_embeddings: false,
    use_cache: withPast,
    vocab_size: c.vocabSize,
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function folder(modelId: string, withPast: boolean, fileName = 'model'): FixtureFolder {
  return {
    id: modelId,
    rule: `GPT-2, ${withPast ? 'with' : 'without'} past key values in onnx/${fileName}*.onnx, and the same weights as model.safetensors (for the Inside panel): "the cat" → " sat on the mat." <|endoftext|>; "purr" → " purr" forever (runner-up: the byte 0xE2); "a" → cat/dog/cow/bird at random`,
    files() {
      const w = weights();
      const model = buildGpt2Model({
        config: gpt2Config,
        weights: w,
        withPast,
        doc: `${modelId} test fixture, hand-written weights (bigram lm_head, one attention head that remembers "on")`,
      });
      return {
        'config.json': json(configJson(withPast)),
        'generation_config.json': json({ bos_token_id: EOS_ID, eos_token_id: EOS_ID }),
        'tokenizer.json': json(byteLevelTokenizerJson(vocab)),
        'tokenizer_config.json': json(byteLevelTokenizerConfig(vocab, gpt2Config.maxPositions)),
        'special_tokens_map.json': json({ bos_token: vocab.eosToken, eos_token: vocab.eosToken, unk_token: vocab.eosToken }),
        [`onnx/${fileName}.onnx`]: serializeModel(model),
        [`onnx/${fileName}_quantized.onnx`]: serializeModel(quantizeDynamic(model)),
        // GPT2LMHeadModel's state dict; lm_head is its own table here (the bigrams), not wte.
        'model.safetensors': checkpointFile(gpt2WeightShapes(gpt2Config), w),
      };
    },
  };
}

export const folders: FixtureFolder[] = [
  folder(GPT2_ID, true),
  folder(GPT2_NO_PAST_ID, false),
  folder(GPT2_MERGED_ID, true, 'decoder_model_merged'),
];

export const benchCase: BenchCase = {
  model: GPT2_ID,
  params: { text: 'purr', max_new_tokens: '64' },
  field: 'Prompt',
  runButton: 'Generate',
  inputs: (i) => `purr ${'purr '.repeat(i % 5)}purr`,
};
