import { checkLimits, type Limits } from '@/lib/limits';
import { tiedAliases, weightShapes, type BertHead, type EncoderConfig } from '@/lib/onnx';
import type { SafetensorsHeader } from '@/lib/safetensors';
import { EngineError } from '../errors';
import type { CheckpointDeps } from './deps';
import { oncePerModel, readCheckpointConfig, readSafetensors, SAFETENSORS_FILE, type SafetensorsFile } from './inspect';
import { describeMissing, planTensors, type TensorPlan } from './tensor-plan';

/**
 * A head a hat builds in the page on top of a BERT checkpoint's encoder (its head.ts): the graph
 * builder's BertHead, named for messages. N: the names of its graph outputs.
 */
export interface CheckpointHead<N extends string = string> extends BertHead<N> {
  /** How messages name the head, e.g. "pre-training (masked LM + next sentence)". */
  label: string;
}

function num(config: Record<string, unknown>, key: string, fallback?: number): number {
  const v = config[key] ?? fallback;
  if (typeof v !== 'number') throw new EngineError('unsupported', `config.json has no number for ${key}.`);
  return v;
}

/**
 * [2] What the in-page BERT builder takes: BERT-large (24 layers, width 1024, 16 heads, FFN 4096)
 *     with room to spare. The graph holds every weight in the page's memory, then ONNX Runtime a
 *     copy, so what fits in a tab bounds it, not what the architecture allows.
 */
export const BERT_LIMITS: Limits = {
  num_hidden_layers: { min: 1, max: 48 },
  hidden_size: { min: 1, max: 4_096 },
  num_attention_heads: { min: 1, max: 64 },
  intermediate_size: { min: 1, max: 16_384 },
  vocab_size: { min: 1, max: 500_000 },
  max_position_embeddings: { min: 1, max: 8_192 },
  type_vocab_size: { min: 0, max: 16 },
};

/** The same bounds under DistilBERT's names for them. */
export const DISTILBERT_LIMITS: Limits = {
  n_layers: BERT_LIMITS.num_hidden_layers!,
  dim: BERT_LIMITS.hidden_size!,
  n_heads: BERT_LIMITS.num_attention_heads!,
  hidden_dim: BERT_LIMITS.intermediate_size!,
  vocab_size: BERT_LIMITS.vocab_size!,
  max_position_embeddings: BERT_LIMITS.max_position_embeddings!,
};

/*
 * [3] DistilBERT's config.json names the same sizes differently (dim, n_layers, n_heads,
 *     hidden_dim); its LayerNorms use eps 1e-12 and it has no segment embeddings.
 */
function distilbertConfigOf(config: Record<string, unknown>, model: string, prefix: string): EncoderConfig {
  const act = config.activation ?? 'gelu';
  if (act !== 'gelu' || config.sinusoidal_pos_embds === true) {
    throw new EngineError(
      'unsupported',
      `“${model}” uses ${act !== 'gelu' ? `activation "${String(act)}"` : 'sinusoidal positions'}; the in-page graph builder does only DistilBERT's gelu with learned positions.`,
    );
  }
  checkLimits(`“${model}”'s config.json`, config, DISTILBERT_LIMITS, 0); // [2]
  if (num(config, 'dim') % num(config, 'n_heads') !== 0) {
    throw new EngineError('unsupported', `“${model}”'s config.json: dim ${num(config, 'dim')} does not split into ${num(config, 'n_heads')} attention heads.`);
  }
  return {
    family: 'distilbert',
    vocabSize: num(config, 'vocab_size'),
    hiddenSize: num(config, 'dim'),
    numLayers: num(config, 'n_layers'),
    numHeads: num(config, 'n_heads'),
    intermediateSize: num(config, 'hidden_dim'),
    maxPositions: num(config, 'max_position_embeddings'),
    typeVocabSize: 0,
    layerNormEps: 1e-12,
    prefix,
  };
}

/**
 * The graph builder's view of a BERT config.json (and DistilBERT's, where `families` lets it in);
 * anything it cannot build is refused by name.
 */
export function encoderConfigOf(
  config: Record<string, unknown>,
  model: string,
  prefix: string,
  families: readonly EncoderConfig['family'][] = ['bert'],
): EncoderConfig {
  const type = String(config.model_type ?? 'unknown');
  if (type === 'distilbert' && families.includes('distilbert')) return distilbertConfigOf(config, model, prefix);
  if (type !== 'bert') {
    throw new EngineError(
      'unsupported',
      `“${model}” is a ${type} checkpoint. These hats build a BERT graph in the page, so they need a BERT checkpoint (model_type "bert").`,
    );
  }
  const act = config.hidden_act ?? 'gelu';
  const positions = config.position_embedding_type ?? 'absolute';
  if (act !== 'gelu' || positions !== 'absolute') {
    throw new EngineError(
      'unsupported',
      `“${model}” uses ${act !== 'gelu' ? `hidden_act "${String(act)}"` : `position_embedding_type "${String(positions)}"`}; the in-page graph builder does only BERT's gelu with absolute positions.`,
    );
  }
  checkLimits(`“${model}”'s config.json`, config, BERT_LIMITS, 0); // [2]
  const heads = num(config, 'num_attention_heads');
  if (num(config, 'hidden_size') % heads !== 0) {
    throw new EngineError('unsupported', `“${model}”'s config.json: hidden_size ${num(config, 'hidden_size')} does not split into ${heads} attention heads.`);
  }
  return {
    family: 'bert',
    vocabSize: num(config, 'vocab_size'),
    hiddenSize: num(config, 'hidden_size'),
    numLayers: num(config, 'num_hidden_layers'),
    numHeads: num(config, 'num_attention_heads'),
    intermediateSize: num(config, 'intermediate_size'),
    maxPositions: num(config, 'max_position_embeddings'),
    typeVocabSize: num(config, 'type_vocab_size', 2),
    layerNormEps: num(config, 'layer_norm_eps', 1e-12),
    prefix,
  };
}

/** [1] Task checkpoints keep the body under `bert.` (`distilbert.`); a bare model saves it at the top level. */
export function bodyPrefix(header: SafetensorsHeader, family: EncoderConfig['family'] = 'bert'): string {
  for (const name of header.tensors.keys()) if (name.startsWith(`${family}.`)) return `${family}.`;
  return '';
}

/** What the loader knows about a BERT checkpoint before it fetches any weights. */
export interface BertInspection extends SafetensorsFile {
  model: string;
  /** config.json as the checkpoint has it, and its size. */
  config: Record<string, unknown>;
  configBytes: number;
  encoder: EncoderConfig;
}

/** Config and safetensors header of a BERT checkpoint, read once per worker (failures are retried). */
export const inspectBert = oncePerModel(async (host, model, deps: CheckpointDeps): Promise<BertInspection> => {
  const { config, bytes } = await readCheckpointConfig(host, model, deps);
  const file = await readSafetensors(host, model, deps);
  return { ...file, model, config, configBytes: bytes, encoder: encoderConfigOf(config, model, bodyPrefix(file.header)) };
});

/** Which tensors the encoder and this head need, and where they sit in the file. */
export function planHead(config: EncoderConfig, head: CheckpointHead, header: SafetensorsHeader): TensorPlan {
  const ofHead = new Set(head.shapes(config).map(([name]) => name));
  return planTensors(header, weightShapes(config, head), {
    aliases: tiedAliases(config),
    isHead: (name) => ofHead.has(name),
    needs: `a ${head.label} head on this config`,
  });
}

/** The plan, or an error that names what the checkpoint lacks. */
export function requireHeadPlan(config: EncoderConfig, head: CheckpointHead, header: SafetensorsHeader, model: string): TensorPlan {
  const plan = planHead(config, head, header);
  if (plan.missing.length > 0) {
    throw new EngineError(
      'unsupported',
      `“${model}” has no tensor ${describeMissing(plan.missing)} in its ${SAFETENSORS_FILE}, which the ${head.label} head needs. The checkpoint was probably not trained with this head; pick one that was.`,
      `missing: ${plan.missing.join(', ')}`,
    );
  }
  return plan;
}
