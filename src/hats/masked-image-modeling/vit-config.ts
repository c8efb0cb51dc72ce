import { checkLimits, LimitError, type Limits } from '@/lib/limits';
import { gridOf, type VitMaeConfig } from '@/lib/onnx/vit-mae';
import { EngineError, type CheckpointDeps } from '@/worker/sdk';

/*
 * What a ViT-MAE checkpoint says about itself: config.json (what the graph builder needs, and what it
 * cannot build, refused by name) and preprocessor_config.json (how pixels are normalised).
 */

export const PREPROCESSOR_FILE = 'preprocessor_config.json';

/** How pixels are normalised before the model sees them (the image processor's settings). */
export interface ImageNorm {
  mean: [number, number, number];
  std: [number, number, number];
  /** True when preprocessor_config.json was missing and ViTImageProcessor's defaults were used. */
  defaulted: boolean;
  /** PIL's resampling filter Python resizes with (preprocessor_config.json's `resample`; ViTImageProcessor's default is 2, bilinear). */
  resample: number;
}

function num(config: Record<string, unknown>, key: string, fallback?: number): number {
  const v = config[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError('unsupported', `config.json has no number for ${key}.`);
  return v;
}

/**
 * [2] What the in-page ViT-MAE builder takes: ViT-MAE-huge (32 layers, width 1280, 16 heads, FFN
 *     5120; 224-pixel images in 14-pixel patches) with room to spare. The patch grid is bounded too:
 *     masks, position tables and the pictures are made per patch.
 */
export const VIT_MAE_LIMITS: Limits = {
  image_size: { min: 1, max: 1_024 },
  patch_size: { min: 1, max: 128 },
  num_hidden_layers: { min: 1, max: 48 },
  hidden_size: { min: 4, max: 2_048 },
  num_attention_heads: { min: 1, max: 32 },
  intermediate_size: { min: 1, max: 8_192 },
  decoder_num_hidden_layers: { min: 1, max: 32 },
  decoder_hidden_size: { min: 4, max: 2_048 },
  decoder_num_attention_heads: { min: 1, max: 32 },
  decoder_intermediate_size: { min: 1, max: 8_192 },
};
export const MAX_PATCHES = 4_096;

/** The graph builder's view of a ViT-MAE config.json; what it cannot build is refused by name. */
export function vitMaeConfigOf(config: Record<string, unknown>, model: string): VitMaeConfig {
  const type = String(config.model_type ?? 'unknown');
  if (type !== 'vit_mae') {
    throw new EngineError('unsupported', `“${model}” is a ${type} checkpoint. This hat builds a ViT-MAE graph in the page, so it needs a masked-autoencoder checkpoint (model_type "vit_mae").`);
  }
  const act = config.hidden_act ?? 'gelu';
  if (act !== 'gelu') throw new EngineError('unsupported', `“${model}” uses hidden_act "${String(act)}"; the in-page graph builder does ViT-MAE's gelu only.`);
  if (config.qkv_bias === false) throw new EngineError('unsupported', `“${model}” has no query/key/value biases (qkv_bias false); the in-page graph builder expects them.`);
  checkLimits(`“${model}”'s config.json`, config, VIT_MAE_LIMITS, 0); // [2]
  const c: VitMaeConfig = {
    imageSize: num(config, 'image_size'),
    patchSize: num(config, 'patch_size'),
    numChannels: num(config, 'num_channels', 3),
    hiddenSize: num(config, 'hidden_size'),
    numLayers: num(config, 'num_hidden_layers'),
    numHeads: num(config, 'num_attention_heads'),
    intermediateSize: num(config, 'intermediate_size'),
    decoderHiddenSize: num(config, 'decoder_hidden_size'),
    decoderLayers: num(config, 'decoder_num_hidden_layers'),
    decoderHeads: num(config, 'decoder_num_attention_heads'),
    decoderIntermediateSize: num(config, 'decoder_intermediate_size'),
    layerNormEps: num(config, 'layer_norm_eps', 1e-12),
    maskRatio: num(config, 'mask_ratio', 0.75),
    normPixLoss: config.norm_pix_loss === true,
  };
  if (c.numChannels !== 3) throw new EngineError('unsupported', `“${model}” reads ${c.numChannels} channels; this hat feeds RGB images (3).`);
  if (c.imageSize % c.patchSize !== 0) throw new EngineError('unsupported', `“${model}”: image_size ${c.imageSize} is not a multiple of patch_size ${c.patchSize}.`);
  const { patches } = gridOf(c);
  if (patches > MAX_PATCHES) {
    throw new LimitError(`“${model}”'s config.json: ${c.imageSize}-pixel images in ${c.patchSize}-pixel patches make ${patches.toLocaleString('en-US')} patches, more than the ${MAX_PATCHES.toLocaleString('en-US')} this page allows.`, 'patches', MAX_PATCHES);
  }
  return c;
}

const triple = (v: unknown, fallback: number): [number, number, number] | undefined => {
  if (v === undefined) return [fallback, fallback, fallback];
  if (typeof v === 'number') return [v, v, v];
  if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number')) return v as [number, number, number];
  return undefined;
};

/** [1] ViTImageProcessor: (pixel / 255 − mean) / std per channel; its defaults are mean = std = 0.5. */
export function imageNormOf(json: Record<string, unknown> | undefined, model: string): ImageNorm {
  const mean = triple(json?.image_mean, 0.5);
  const std = triple(json?.image_std, 0.5);
  if (!mean || !std || std.some((s) => s <= 0)) throw new EngineError('unsupported', `“${model}”'s ${PREPROCESSOR_FILE} has an image_mean or image_std this hat cannot read.`);
  const resample = typeof json?.resample === 'number' ? json.resample : 2;
  return { mean, std, defaulted: json === undefined, resample };
}

/**
 * preprocessor_config.json through the cache; a checkpoint without one gets the image processor's
 * defaults. It is cached only once it parsed, and a cached copy that does not parse is fetched
 * again and replaced: a web page answered once in its place must not stay.
 */
export async function readPreprocessor(host: string, model: string, deps: CheckpointDeps): Promise<{ json?: Record<string, unknown>; bytes: number }> {
  const url = `${host.replace(/\/+$/, '')}/${model}/resolve/main/${PREPROCESSOR_FILE}`;
  const cache = await deps.cache().catch(() => undefined);
  const cached = await cache?.match(url).catch(() => undefined);
  const parsed = cached ? parseJson(await cached.text()) : undefined;
  if (parsed) return parsed;
  const response = await deps.fetch(url);
  if (response.status === 404) return { bytes: 0 };
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const text = await response.text();
  const fresh = parseJson(text);
  if (!fresh) throw new EngineError('damaged', `“${model}”'s ${PREPROCESSOR_FILE} is not valid JSON.`, `${url}: ${text.slice(0, 80)}`);
  const headers = { 'Content-Type': 'application/json', 'Content-Length': String(fresh.bytes) };
  await cache?.put(url, new Response(text, { headers })).catch(() => undefined);
  return fresh;
}

function parseJson(text: string): { json: Record<string, unknown>; bytes: number } | undefined {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
    return { json: json as Record<string, unknown>, bytes: new TextEncoder().encode(text).length };
  } catch {
    return undefined;
  }
}
