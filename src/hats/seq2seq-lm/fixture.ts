import { blankT5Weights, buildT5Decoder, buildT5Encoder, t5WeightShapes, type T5Config, type T5ModelSpec, type T5Weights } from '../../lib/onnx/t5';
import { checkpointFile } from '../../lib/onnx/fixture/checkpoint-file';
import { quantizeDynamic, serializeModel } from '../../lib/onnx';
import type { BenchCase, FixtureFolder } from '../../lib/onnx/fixture/fixture-spec';
import { T5_ID } from './cases';

/*
 * hw-test/tiny-t5: a hand-wired T5 (the weights below) in the layout of a
 * transformers.js T5 export: config, a Unigram tokenizer with T5's Metaspace
 * pre-tokenizer and "</s>" post-processor, generation_config.json, and
 * onnx/{encoder_model,decoder_model_merged}{,_quantized}.onnx.
 */

/*
 * A hand-wired tiny T5 for the tests: 1 encoder block, 1 decoder block, 2 heads,
 * d_model 64, a 36-piece vocabulary. Every number below is chosen so the output
 * is known in advance:
 *
 *   encoder  its feed-forward layer turns 7 "feature words" (4 nouns, 3 task words)
 *            into feature dimensions; its self-attention has zero weights, so each
 *            word is read on its own.
 *   decoder  cross-attention head 0 looks for the noun, head 1 for the task word
 *            (a query of 20 against a key of 1 on those words: e^20 beats the rest),
 *            and copies what it finds. Its self-attention has zero weights: each step
 *            sees only its last token (plus what it read from the encoder).
 *            The feed-forward layer holds one ReLU unit per rule "previous token +
 *            noun (+ task) → next token"; the LM head turns the firing unit into that
 *            token's logit, and with no unit firing, </s> wins.
 *
 * Residual-stream layout (d_model = 64):
 *   0       constant 1 (T5 has no biases: thresholds are written against this dimension)
 *   1..36   one dimension per vocabulary piece (which token this is)
 *   37..40  nouns found in the source: cat, dog, mouse, purr
 *   41..43  task words found in the source: German, French, summarize
 *   44..63  one dimension per rule (the decoder's feed-forward output)
 */

const PIECES = [
  '<pad>', '</s>', '<unk>', '▁', '▁translate', '▁English', '▁to', '▁German', '▁French', ':',
  '▁summarize', '▁the', '▁a', '▁cat', '▁dog', '▁mouse', '▁purr', '▁die', '▁der', '▁Katze',
  '▁Hund', '▁Maus', '▁le', '▁la', '▁chat', '▁chien', '▁souris', '▁naps', '.', '▁sat',
  '▁on', '▁mat', '▁and', '▁sleeps', '▁in', '▁sun',
] as const;
type Piece = (typeof PIECES)[number];

const NOUNS = ['▁cat', '▁dog', '▁mouse', '▁purr'] as const;
const TASKS = ['▁German', '▁French', '▁summarize'] as const;
type Noun = (typeof NOUNS)[number];
type Task = (typeof TASKS)[number];

interface Rule {
  prev: Piece;
  noun: Noun;
  task?: Task;
  next: Piece;
}

const translations: Record<'▁German' | '▁French', Record<Exclude<Noun, '▁purr'>, [Piece, Piece]>> = {
  '▁German': { '▁cat': ['▁die', '▁Katze'], '▁dog': ['▁der', '▁Hund'], '▁mouse': ['▁die', '▁Maus'] },
  '▁French': { '▁cat': ['▁le', '▁chat'], '▁dog': ['▁le', '▁chien'], '▁mouse': ['▁la', '▁souris'] },
};

/** The decoder's rules, one feed-forward unit each. */
const RULES: Rule[] = [
  ...(['▁German', '▁French'] as const).flatMap((task) =>
    (['▁cat', '▁dog', '▁mouse'] as const).flatMap((noun): Rule[] => {
      const [article, word] = translations[task][noun];
      return [
        { prev: '<pad>', noun, task, next: article },
        { prev: article, noun, task, next: word },
      ];
    }),
  ),
  ...(['▁cat', '▁dog', '▁mouse'] as const).flatMap((noun): Rule[] => [
    { prev: '<pad>', noun, task: '▁summarize', next: noun },
    { prev: noun, noun, task: '▁summarize', next: '▁naps' },
  ]),
  // Whatever the task, a purr is answered with purring, for as long as it is allowed to go on.
  { prev: '<pad>', noun: '▁purr', next: '▁purr' },
  { prev: '▁purr', noun: '▁purr', next: '▁purr' },
];

const V = PIECES.length;
const CONST = 0;
const token = (p: Piece) => 1 + PIECES.indexOf(p);
const nounDim = (n: Noun) => 1 + V + NOUNS.indexOf(n);
const taskDim = (t: Task) => 1 + V + NOUNS.length + TASKS.indexOf(t);
const ruleDim = (r: number) => 1 + V + NOUNS.length + TASKS.length + r;

const TINY_T5: T5Config = {
  vocabSize: V,
  dModel: 1 + V + NOUNS.length + TASKS.length + RULES.length,
  dKv: 8,
  dFf: RULES.length,
  numLayers: 1,
  numDecoderLayers: 1,
  numHeads: 2,
  relativeAttentionNumBuckets: 32,
  relativeAttentionMaxDistance: 128,
  layerNormEpsilon: 1e-6,
};

/** Attention query strength: e^20 against e^0 puts all the weight on the matching words. */
const FOCUS = 20;
/** How strongly a firing rule (at 0.5) votes for its token, against </s>'s constant 3. */
const VOTE = 12;

/** The weights, with the relative position bias tables at zero (the export graphs have none; a zero table is the same model). */
function tinyT5Weights(): T5Weights {
  const c = TINY_T5;
  const w = blankT5Weights(c, true);
  const d = c.dModel;
  // nn.Linear weights are [out, in]: row = output unit, column = input dimension.
  const set = (name: string, out: number, inp: number, cols: number, value: number) => {
    (w[name] as Float32Array)[out * cols + inp] = value;
  };
  // Embeddings (shared by encoder and decoder): the constant plus the token's own dimension.
  for (let t = 0; t < V; t++) {
    set('shared.weight', t, CONST, d, 1);
    set('shared.weight', t, 1 + t, d, 1);
  }
  // [1] RMS norm divides by √(mean x²): a vector with k ones in 64 dimensions has rms √(k/64).
  //     Each norm's weight is that rms for the vectors it sees, so the ones come out as ones.
  const norm = (name: string, ones: number) => (w[name] as Float32Array).fill(Math.sqrt(ones / d));
  norm('encoder.block.0.layer.0.layer_norm.weight', 2);
  norm('encoder.block.0.layer.1.layer_norm.weight', 2);
  norm('encoder.final_layer_norm.weight', 3);
  norm('decoder.block.0.layer.0.layer_norm.weight', 2);
  norm('decoder.block.0.layer.1.layer_norm.weight', 2);
  norm('decoder.block.0.layer.2.layer_norm.weight', 4);
  norm('decoder.final_layer_norm.weight', 4);

  // Encoder feed-forward: unit k fires on feature word k and writes its feature dimension.
  const features: [Piece, number][] = [...NOUNS.map((n): [Piece, number] => [n, nounDim(n)]), ...TASKS.map((t): [Piece, number] => [t, taskDim(t)])];
  features.forEach(([piece, dim], k) => {
    set('encoder.block.0.layer.1.DenseReluDense.wi.weight', k, token(piece), d, 1);
    set('encoder.block.0.layer.1.DenseReluDense.wo.weight', dim, k, c.dFf, 1);
  });

  // Cross-attention: head 0 (inner 0..7) finds the noun, head 1 (inner 8..15) the task word.
  const x = 'decoder.block.0.layer.1.EncDecAttention';
  const inner = c.numHeads * c.dKv;
  const heads: [readonly Piece[], (p: never) => number][] = [
    [NOUNS, nounDim as (p: never) => number],
    [TASKS, taskDim as (p: never) => number],
  ];
  heads.forEach(([words, dimOf], h) => {
    const base = h * c.dKv;
    set(`${x}.q.weight`, base, CONST, d, FOCUS);
    words.forEach((word, j) => {
      const dim = dimOf(word as never);
      set(`${x}.k.weight`, base, dim, d, 1);
      set(`${x}.v.weight`, base + j, dim, d, 1);
      set(`${x}.o.weight`, dim, base + j, inner, 1);
    });
  });

  // Decoder feed-forward: one unit per rule, firing (at 0.5) only when all its conditions hold.
  const wi = 'decoder.block.0.layer.2.DenseReluDense.wi.weight';
  RULES.forEach((rule, u) => {
    const conditions = rule.task ? 3 : 2;
    set(wi, u, token(rule.prev), d, 1);
    set(wi, u, nounDim(rule.noun), d, 1);
    if (rule.task) set(wi, u, taskDim(rule.task), d, 1);
    set(wi, u, CONST, d, -(conditions - 0.5));
    set('decoder.block.0.layer.2.DenseReluDense.wo.weight', ruleDim(u), u, c.dFf, 1);
    set('lm_head.weight', PIECES.indexOf(rule.next), ruleDim(u), d, VOTE);
  });
  // Without a rule, </s> wins; the previous token gets a small echo, a plausible runner-up.
  set('lm_head.weight', PIECES.indexOf('</s>'), CONST, d, 3);
  for (let t = 3; t < V; t++) set('lm_head.weight', t, 1 + t, d, 0.5);
  return w;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const SPECIALS = ['<pad>', '</s>', '<unk>'] as const;

function tokenizerJson() {
  const metaspace = { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true };
  const a = { Sequence: { id: 'A', type_id: 0 } };
  const b = { Sequence: { id: 'B', type_id: 0 } };
  const eos = { SpecialToken: { id: '</s>', type_id: 0 } };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' },
    pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'WhitespaceSplit' }, metaspace] },
    post_processor: {
      type: 'TemplateProcessing',
      single: [a, eos],
      pair: [a, eos, b, eos],
      special_tokens: { '</s>': { id: '</s>', ids: [1], tokens: ['</s>'] } },
    },
    decoder: metaspace,
    // [1] Unigram scores are log-probabilities: whole words (−5) beat spelling them from smaller pieces.
    model: {
      type: 'Unigram',
      unk_id: 2,
      vocab: PIECES.map((p, i) => [p, i < 3 ? 0 : p === '▁' ? -3 : p.startsWith('▁') ? -5 : -4]),
      byte_fallback: false,
    },
  };
}

function configJson() {
  const c = TINY_T5;
  return {
    _name_or_path: T5_ID,
    architectures: ['T5ForConditionalGeneration'],
    d_ff: c.dFf,
    d_kv: c.dKv,
    d_model: c.dModel,
    decoder_start_token_id: 0,
    dense_act_fn: 'relu',
    dropout_rate: 0.1,
    eos_token_id: 1,
    feed_forward_proj: 'relu',
    initializer_factor: 1.0,
    is_encoder_decoder: true,
    is_gated_act: false,
    layer_norm_epsilon: c.layerNormEpsilon,
    model_type: 't5',
    n_positions: 64,
    num_decoder_layers: c.numDecoderLayers,
    num_heads: c.numHeads,
    num_layers: c.numLayers,
    pad_token_id: 0,
    relative_attention_max_distance: c.relativeAttentionMaxDistance,
    relative_attention_num_buckets: c.relativeAttentionNumBuckets,
    tie_word_embeddings: false,
    use_cache: true,
    vocab_size: c.vocabSize,
    task_specific_params: {
      summarization: { prefix: 'summarize: ' },
      translation_en_to_de: { prefix: 'translate English to German: ' },
      translation_en_to_fr: { prefix: 'translate English to French: ' },
    },
  };
}

const RULE = 'model.safetensors holds the same weights; the encoder marks nouns and task words; the decoder writes article + noun in German or French, "<noun> naps" for summarize, and purrs forever at "purr"';

export const folders: FixtureFolder[] = [
  {
    id: T5_ID,
    rule: RULE,
    files() {
      const spec: T5ModelSpec = { config: TINY_T5, weights: tinyT5Weights(), doc: `${T5_ID} test fixture, hand-written weights: ${RULE}` };
      const encoder = buildT5Encoder(spec);
      const decoder = buildT5Decoder(spec);
      return {
        'config.json': json(configJson()),
        'generation_config.json': json({ decoder_start_token_id: 0, eos_token_id: 1, pad_token_id: 0 }),
        'tokenizer.json': json(tokenizerJson()),
        'tokenizer_config.json': json({
          tokenizer_class: 'T5Tokenizer',
          model_max_length: 64,
          eos_token: '</s>',
          pad_token: '<pad>',
          unk_token: '<unk>',
          extra_ids: 0,
          additional_special_tokens: [],
        }),
        'special_tokens_map.json': json({ eos_token: '</s>', pad_token: '<pad>', unk_token: '<unk>' }),
        'onnx/encoder_model.onnx': serializeModel(encoder),
        'onnx/encoder_model_quantized.onnx': serializeModel(quantizeDynamic(encoder)),
        'onnx/decoder_model_merged.onnx': serializeModel(decoder),
        'onnx/decoder_model_merged_quantized.onnx': serializeModel(quantizeDynamic(decoder)),
        // T5ForConditionalGeneration's state dict, for the Inside panel (the whole model in one graph).
        'model.safetensors': checkpointFile(Object.entries(t5WeightShapes(TINY_T5, true)), spec.weights),
      };
    },
  },
];

export const benchCase: BenchCase = {
  model: T5_ID,
  // "purr" makes the fixture purr until max_new_tokens: every run writes 32 tokens, a steady tokens/s.
  params: { task: 'instruct', text: 'the cat purr', max_new_tokens: '32' },
  field: 'Text',
  runButton: 'Generate',
  inputs: (i) => `the ${['cat', 'dog', 'mouse'][i % 3]} purr${' on the mat'.repeat(i % 4)}`,
};
