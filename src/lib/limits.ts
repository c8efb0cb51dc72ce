/*
 * Bounds on every size a model repository states about itself. A config.json, a safetensors
 * header or a Content-Length is written by whoever published the repo, and the page loops over
 * and allocates by these numbers: `num_hidden_layers: 100000000` is a loop of a hundred million
 * layers, a tensor shape of [1e9, 1e9] an allocation no tab survives. Each number is checked
 * here before anything is built from it, and a refusal names the field and the limit.
 */

/** One bound: a whole number (unless `integer: false`) from `min` to `max`. */
export interface Limit {
  min?: number;
  max: number;
  integer?: boolean;
}

export type Limits = Readonly<Record<string, Limit>>;

/** A size over its limit, or not a usable number: nothing was allocated. */
export class LimitError extends Error {
  override name = 'LimitError';
  constructor(
    message: string,
    readonly field: string,
    readonly limit?: number,
  ) {
    super(message);
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en-US') : String(n));

/** Checks one number, e.g. checkLimit('config.json', 'num_hidden_layers', 12, { min: 1, max: 512 }). */
export function checkLimit(where: string, field: string, value: unknown, limit: Limit): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const integer = limit.integer !== false;
  const min = limit.min ?? 0;
  if (typeof n !== 'number' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new LimitError(`${where}: ${field} is ${JSON.stringify(value)?.slice(0, 40)}, not a ${integer ? 'whole ' : ''}number.`, field);
  }
  if (n > limit.max) throw new LimitError(`${where}: ${field} is ${fmt(n)}, more than the ${fmt(limit.max)} this page allows.`, field, limit.max);
  if (n < min) throw new LimitError(`${where}: ${field} is ${fmt(n)}, less than ${fmt(min)}.`, field, min);
  return n;
}

/**
 * Checks every field of `values` that `limits` names, at any depth (composite configs keep an
 * encoder and a decoder, or a text and a vision config, one level down). Fields absent or null
 * pass; a number written as a string is checked as the number JavaScript would loop over.
 */
export function checkLimits(where: string, values: unknown, limits: Limits, depth = 3): void {
  if (typeof values !== 'object' || values === null || depth < 0) return;
  for (const [key, value] of Object.entries(values)) {
    const limit = Object.hasOwn(limits, key) ? limits[key] : undefined;
    if (limit && value !== null && value !== undefined) {
      // Some vision configs give image_size as [height, width].
      if (Array.isArray(value)) value.forEach((v, i) => checkLimit(where, `${key}[${i}]`, v, limit));
      else if (typeof value === 'number' || typeof value === 'string') checkLimit(where, key, value, limit);
      continue;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) checkLimits(where, value, limits, depth - 1);
  }
}

const LAYERS: Limit = { min: 0, max: 512 };
const WIDTH: Limit = { min: 0, max: 65_536 };
const HEADS: Limit = { min: 0, max: 1_024 };
const INNER: Limit = { min: 0, max: 1_048_576 };

/*
 * [1] The sizes any config.json may state, whatever the architecture: a few times the largest real
 *     models (Llama 3 405B: 126 layers, width 16 384, 128 heads, FFN 53 248; Gemma: 262 144 tokens)
 *     and far below what would hang or crash a tab. Each hat's loader adds limits of its own
 *     (what it builds from them must also fit in memory).
 */
export const CONFIG_LIMITS: Limits = {
  num_hidden_layers: LAYERS,
  num_layers: LAYERS,
  n_layer: LAYERS,
  n_layers: LAYERS,
  num_decoder_layers: LAYERS,
  decoder_layers: LAYERS,
  encoder_layers: LAYERS,
  decoder_num_hidden_layers: LAYERS,
  hidden_size: WIDTH,
  n_embd: WIDTH,
  d_model: WIDTH,
  dim: WIDTH,
  d_kv: WIDTH,
  head_dim: WIDTH,
  decoder_hidden_size: WIDTH,
  num_attention_heads: HEADS,
  num_key_value_heads: HEADS,
  num_heads: HEADS,
  n_head: HEADS,
  n_heads: HEADS,
  encoder_attention_heads: HEADS,
  decoder_attention_heads: HEADS,
  decoder_num_attention_heads: HEADS,
  intermediate_size: INNER,
  n_inner: INNER,
  d_ff: INNER,
  hidden_dim: INNER,
  encoder_ffn_dim: INNER,
  decoder_ffn_dim: INNER,
  decoder_intermediate_size: INNER,
  vocab_size: { min: 0, max: 2_097_152 },
  max_position_embeddings: { min: 0, max: 16_777_216 },
  n_positions: { min: 0, max: 16_777_216 },
  n_ctx: { min: 0, max: 16_777_216 },
  type_vocab_size: { min: 0, max: 1_024 },
  relative_attention_num_buckets: { min: 0, max: 65_536 },
  num_labels: { min: 0, max: 100_000 },
  image_size: { min: 1, max: 8_192 },
  patch_size: { min: 1, max: 1_024 },
  num_channels: { min: 1, max: 16 },
};

export const MB = 1_000_000;
const GiB = 2 ** 30;

/*
 * [2] Bytes one file may have. Small JSON files are read whole and parsed (a gzip bomb stops at the
 *     cap, however much it would inflate to); tokenizer.json files of 250 000-token vocabularies
 *     weigh 10-35 MB. A single .onnx file is a protobuf, which cannot exceed 2 GiB; bigger models
 *     keep their weights in .onnx_data chunks, each read into one buffer, so the same bound holds.
 */
export const FILE_LIMITS = {
  json: 8 * MB,
  tokenizer: 64 * MB,
  weights: 2 * GiB,
} as const;

/** The most bytes `file` (a path inside a repo) may have. */
export function fileLimit(file: string): number {
  const name = file.split('/').pop() ?? file;
  if (name === 'tokenizer.json') return FILE_LIMITS.tokenizer;
  if (/\.(json|txt)$/.test(name)) return FILE_LIMITS.json;
  return FILE_LIMITS.weights;
}

/** Refuses a file size over its limit, before a buffer of that size is made. */
export function checkFileSize(file: string, bytes: number, max = fileLimit(file)): void {
  if (bytes > max) {
    throw new LimitError(`${file} is ${fmt(Math.round(bytes / MB))} MB, more than the ${fmt(Math.round(max / MB))} MB this page reads for such a file.`, file, max);
  }
}
