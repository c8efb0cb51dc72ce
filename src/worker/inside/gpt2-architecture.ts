import type { TensorShape } from '@/lib/onnx';
import { buildGpt2Model, GPT2_NAMES, gpt2WeightShapes, type Gpt2Config } from '@/lib/onnx/gpt2';
import { EngineError } from '../errors';
import type { GeneratorArchitecture } from './generator-checkpoint';

/*
 * GPT-2 (GPT2LMHeadModel) for the Inside panel.
 * [1] A checkpoint saved from GPT2LMHeadModel names the body transformer.*; the original OpenAI
 *     files were saved from the bare GPT2Model, without the prefix. Either is read.
 * [2] lm_head is tied to the word embeddings (wte) in the released checkpoints, and a safetensors
 *     file stores a shared tensor once: without lm_head.weight, the head is wte.
 */

/** How many of the top guesses the lens keeps per layer and position. */
export const LENS_TOP = 5;

function num(raw: Record<string, unknown>, key: string, fallback?: number): number {
  const v = raw[key] ?? fallback;
  if (typeof v !== 'number') throw new EngineError('unsupported', `config.json has no number for ${key}.`);
  return v;
}

export const gpt2Architecture: GeneratorArchitecture<Gpt2Config> = {
  label: 'GPT-2',
  modelTypes: ['gpt2'],
  configOf(raw, repo) {
    const act = raw.activation_function ?? 'gelu_new';
    if (act !== 'gelu_new') throw new EngineError('unsupported', `${repo} uses activation_function "${String(act)}"; the in-page GPT-2 builder does only gelu_new.`);
    const hidden = num(raw, 'n_embd');
    return {
      vocabSize: num(raw, 'vocab_size'),
      hiddenSize: hidden,
      numLayers: num(raw, 'n_layer'),
      numHeads: num(raw, 'n_head'),
      innerSize: typeof raw.n_inner === 'number' ? raw.n_inner : 4 * hidden,
      maxPositions: num(raw, 'n_positions'),
      layerNormEps: num(raw, 'layer_norm_epsilon', 1e-5),
    };
  },
  shapes: (c): TensorShape[] => gpt2WeightShapes(c),
  aliases(c) {
    const aliases: Record<string, string[]> = {};
    for (const [name] of gpt2WeightShapes(c)) if (name.startsWith('transformer.')) aliases[name] = [name.slice('transformer.'.length)]; // [1]
    aliases[GPT2_NAMES.lmHead] = [GPT2_NAMES.wte, GPT2_NAMES.wte.slice('transformer.'.length)]; // [2]
    return aliases;
  },
  build: (config, weights, doc) => buildGpt2Model({ config, weights, withPast: false, inside: { lensTopK: LENS_TOP }, doc }),
  layers: (c) => c.numLayers,
  heads: (c) => c.numHeads,
};
