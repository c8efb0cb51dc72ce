import type { TensorShape } from '@/lib/onnx';
import { buildT5Inside, t5WeightShapes, type T5Config } from '@/lib/onnx/t5';
import { EngineError } from '../errors';
import type { GeneratorArchitecture } from './generator-checkpoint';

/*
 * T5 (T5ForConditionalGeneration, v1.0 and v1.1 / FLAN-T5) for the Inside panel.
 * [1] The encoder and decoder embed with one shared table; transformers also lists it as
 *     encoder.embed_tokens and decoder.embed_tokens, and a safetensors file keeps one of the names.
 * [2] With tie_word_embeddings (T5 v1.0) lm_head is that table too.
 */

function num(raw: Record<string, unknown>, key: string, fallback?: number): number {
  const v = raw[key] ?? fallback;
  if (typeof v !== 'number') throw new EngineError('unsupported', `config.json has no number for ${key}.`);
  return v;
}

const SHARED = ['shared.weight', 'encoder.embed_tokens.weight', 'decoder.embed_tokens.weight'];

export const t5Architecture: GeneratorArchitecture<T5Config> = {
  label: 'T5',
  modelTypes: ['t5'],
  configOf(raw, repo) {
    const ff = String(raw.feed_forward_proj ?? 'relu');
    if (ff !== 'relu' && ff !== 'gated-gelu') throw new EngineError('unsupported', `${repo} uses feed_forward_proj "${ff}"; the in-page T5 builder does relu (T5) and gated-gelu (T5 v1.1).`);
    const layers = num(raw, 'num_layers');
    return {
      vocabSize: num(raw, 'vocab_size'),
      dModel: num(raw, 'd_model'),
      dKv: num(raw, 'd_kv'),
      dFf: num(raw, 'd_ff'),
      numLayers: layers,
      numDecoderLayers: num(raw, 'num_decoder_layers', layers),
      numHeads: num(raw, 'num_heads'),
      relativeAttentionNumBuckets: num(raw, 'relative_attention_num_buckets', 32),
      relativeAttentionMaxDistance: num(raw, 'relative_attention_max_distance', 128),
      layerNormEpsilon: num(raw, 'layer_norm_epsilon', 1e-6),
      gatedGelu: ff === 'gated-gelu',
      tiedEmbeddings: raw.tie_word_embeddings !== false,
    };
  },
  shapes: (c): TensorShape[] => Object.entries(t5WeightShapes(c, true)),
  aliases(c) {
    const aliases: Record<string, string[]> = { 'shared.weight': SHARED.slice(1) }; // [1]
    if (c.tiedEmbeddings) aliases['lm_head.weight'] = SHARED; // [2]
    return aliases;
  },
  build: (config, weights, doc) => buildT5Inside({ config, weights, doc }),
  layers: (c) => c.numLayers,
  heads: (c) => c.numHeads,
};
