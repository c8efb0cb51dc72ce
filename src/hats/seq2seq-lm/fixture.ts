import { buildT5Decoder, buildT5Encoder, type T5ModelSpec } from '../../lib/onnx/t5';
import { quantizeModel, serializeModel } from '../../lib/onnx';
import type { BenchCase, FixtureFolder } from '../../lib/onnx/testing/fixture-spec';
import { T5_ID } from './e2e-cases';
import { PIECES, TINY_T5, tinyT5Weights } from './fixture-model';

/*
 * hw-test/tiny-t5: a hand-wired T5 (see fixture-model.ts) in the layout of a
 * transformers.js T5 export: config, a Unigram tokenizer with T5's Metaspace
 * pre-tokenizer and "</s>" post-processor, generation_config.json, and
 * onnx/{encoder_model,decoder_model_merged}{,_quantized}.onnx.
 */

export { PURR_TEXT, seq2seqCases, T5_ID, type Seq2SeqCase } from './e2e-cases';

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

const RULE = 'the encoder marks nouns and task words; the decoder writes article + noun in German or French, "<noun> naps" for summarize, and purrs forever at "purr"';

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
        'onnx/encoder_model_quantized.onnx': serializeModel(quantizeModel(encoder)),
        'onnx/decoder_model_merged.onnx': serializeModel(decoder),
        'onnx/decoder_model_merged_quantized.onnx': serializeModel(quantizeModel(decoder)),
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
