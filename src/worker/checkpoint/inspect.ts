import { AutoConfig, type ProgressInfo } from '@huggingface/transformers';
import type { EncoderConfig } from '@/lib/onnx';
import { parseSafetensorsHeader, readHeaderLength, type SafetensorsHeader } from '@/lib/safetensors';
import { EngineError } from '../errors';
import { setHost } from '../hub';
import type { CheckpointDeps } from './deps';
import { RangeReader, type Span } from './range-reader';

export const SAFETENSORS_FILE = 'model.safetensors';

/** What the loader knows about a checkpoint before it fetches any weights. */
export interface Inspection {
  model: string;
  /** config.json as the checkpoint has it. */
  config: Record<string, unknown>;
  /** Its size, as transformers.js reported while reading it (0 if it did not say). */
  configBytes: number;
  encoder: EncoderConfig;
  header: SafetensorsHeader;
  /** The two reads that got the header: its length (8 bytes), then the JSON. */
  headerSpans: Span[];
  reader: RangeReader;
}

/** Bytes of model.safetensors a cold load reads for this plan: the header and the planned tensors. */
export function checkpointBytes(inspection: Inspection, plan: { bytes: number }): number {
  return inspection.headerSpans.reduce((n, s) => n + s.end - s.start, 0) + plan.bytes;
}

export function safetensorsUrl(host: string, model: string): string {
  return new URL(`${host.replace(/\/+$/, '')}/${model}/resolve/main/${SAFETENSORS_FILE}`).href;
}

/*
 * [1] A safetensors file starts with 8 bytes (little-endian u64) giving the length N of a JSON
 *     header, which lists every tensor's dtype, shape and byte offsets. Reading 8 bytes, then N
 *     bytes, tells us exactly where every weight sits without downloading any of them.
 */
export async function readHeader(reader: RangeReader): Promise<{ header: SafetensorsHeader; spans: Span[] }> {
  const first: Span = { start: 0, end: 8 };
  const prefix = (await reader.read([first])).slice(first);
  const json: Span = { start: 8, end: 8 + readHeaderLength(prefix) };
  const bytes = new Uint8Array(json.end);
  bytes.set(prefix);
  bytes.set((await reader.read([json])).slice(json), 8);
  return { header: parseSafetensorsHeader(bytes), spans: [first, json] };
}

function num(config: Record<string, unknown>, key: string, fallback?: number): number {
  const v = config[key] ?? fallback;
  if (typeof v !== 'number') throw new EngineError('unsupported', `config.json has no number for ${key}.`);
  return v;
}

/** The graph builder's view of a BERT config.json; anything it cannot build is refused by name. */
export function encoderConfigOf(config: Record<string, unknown>, model: string, prefix: string): EncoderConfig {
  const type = String(config.model_type ?? 'unknown');
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

/** [2] Task checkpoints keep the body under `bert.`; a bare BertModel saves it at the top level. */
function bodyPrefix(header: SafetensorsHeader): string {
  for (const name of header.tensors.keys()) if (name.startsWith('bert.')) return 'bert.';
  return '';
}

async function inspect(host: string, model: string, deps: CheckpointDeps): Promise<Inspection> {
  setHost(host);
  let configBytes = 0;
  const progress_callback = (info: ProgressInfo) => {
    if (info.status === 'progress') configBytes = info.total;
  };
  const config = { ...((await AutoConfig.from_pretrained(model, { progress_callback })) as unknown as Record<string, unknown>) };
  const reader = new RangeReader({ url: safetensorsUrl(host, model), host, model, file: SAFETENSORS_FILE }, deps);
  const { header, spans } = await readHeader(reader).catch((error: unknown) => {
    if (error instanceof EngineError || !(error instanceof Error) || !error.message.startsWith('safetensors:')) throw error;
    throw new EngineError('unsupported', `“${model}”'s ${SAFETENSORS_FILE} could not be read as a safetensors file.`, error.message);
  });
  return { model, config, configBytes, encoder: encoderConfigOf(config, model, bodyPrefix(header)), header, headerSpans: spans, reader };
}

/**
 * `read(host, model, deps)`, done once per worker and model: later calls share the first promise.
 * A failure is forgotten, so the next call tries again.
 */
export function oncePerModel<T>(read: (host: string, model: string, deps: CheckpointDeps) => Promise<T>) {
  const memo = new WeakMap<CheckpointDeps, Map<string, Promise<T>>>();
  return (host: string, model: string, deps: CheckpointDeps): Promise<T> => {
    let byModel = memo.get(deps);
    if (!byModel) memo.set(deps, (byModel = new Map()));
    const key = `${host}|${model}`;
    let pending = byModel.get(key);
    if (!pending) {
      pending = read(host, model, deps);
      byModel.set(key, pending);
      pending.catch(() => byModel.delete(key));
    }
    return pending;
  };
}

/** Config and safetensors header of a checkpoint, read once per worker (failures are retried). */
export const inspectCheckpoint = oncePerModel(inspect);
