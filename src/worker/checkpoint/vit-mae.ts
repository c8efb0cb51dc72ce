import { AutoConfig, ModelRegistry, type ProgressInfo } from '@huggingface/transformers';
import type { Device, Dtype, FileSize, ModelFacts } from '@/engine/protocol';
import type { CheckpointProvenance } from '@/lib/checkpoint-provenance';
import { quantizeModel, serializeModel } from '@/lib/onnx';
import { buildVitMaeModel, FIXED_TENSORS, gridOf, sincosPositions, VIT_MAE_IO, VIT_MAE_NAMES, vitMaeShapes, type VitMaeConfig } from '@/lib/onnx/vit-mae';
import { toFloat32, type SafetensorsEntry, type SafetensorsHeader } from '@/lib/safetensors';
import type { AdapterLoadContext, ModelSource } from '../adapter';
import { EngineError } from '../errors';
import { setHost } from '../hub';
import { defaultDeps, type CheckpointDeps } from './deps';
import { oncePerModel, readHeader, safetensorsUrl, SAFETENSORS_FILE } from './inspect';
import { coalesce, RangeReader, type Span } from './range-reader';
import { ortTensorRuntime, type TensorRuntime, type TensorSession } from './tensor-runtime';

/*
 * ViTMAEForPreTraining straight from a checkpoint's model.safetensors (DESIGN.md §3): config.json
 * and preprocessor_config.json, the safetensors header by Range, then every tensor of encoder and
 * decoder; the graph is built in the page (src/lib/onnx/vit-mae) and run by ONNX Runtime.
 */

export const PREPROCESSOR_FILE = 'preprocessor_config.json';

export interface VitMaeDeps extends CheckpointDeps {
  tensors: TensorRuntime;
}

export const defaultVitMaeDeps: VitMaeDeps = { ...defaultDeps, tensors: ortTensorRuntime };

/** How pixels are normalised before the model sees them (the image processor's settings). */
export interface ImageNorm {
  mean: [number, number, number];
  std: [number, number, number];
  /** True when preprocessor_config.json was missing and ViTImageProcessor's defaults were used. */
  defaulted: boolean;
  /** PIL's resampling filter Python resizes with (preprocessor_config.json's `resample`; ViTImageProcessor's default is 2, bilinear). */
  resample: number;
}

export interface VitMaeProvenance extends CheckpointProvenance {
  /** Fixed sin-cos tables the checkpoint did not store, computed in the page instead. */
  computed: string[];
}

interface PlannedTensor {
  name: string;
  entry: SafetensorsEntry;
  span: Span;
}

interface VitMaeInspection {
  model: string;
  raw: Record<string, unknown>;
  /** Bytes of config.json and preprocessor_config.json, for the progress bar. */
  jsonBytes: { config: number; preprocessor: number };
  config: VitMaeConfig;
  norm: ImageNorm;
  header: SafetensorsHeader;
  headerSpans: Span[];
  reader: RangeReader;
  tensors: PlannedTensor[];
  spans: Span[];
  computed: string[];
  bytes: number;
}

function num(config: Record<string, unknown>, key: string, fallback?: number): number {
  const v = config[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError('unsupported', `config.json has no number for ${key}.`);
  return v;
}

/** The graph builder's view of a ViT-MAE config.json; what it cannot build is refused by name. */
export function vitMaeConfigOf(config: Record<string, unknown>, model: string): VitMaeConfig {
  const type = String(config.model_type ?? 'unknown');
  if (type !== 'vit_mae') {
    throw new EngineError('unsupported', `“${model}” is a ${type} checkpoint. This hat builds a ViT-MAE graph in the page, so it needs a masked-autoencoder checkpoint (model_type "vit_mae").`);
  }
  const act = config.hidden_act ?? 'gelu';
  if (act !== 'gelu') throw new EngineError('unsupported', `“${model}” uses hidden_act "${String(act)}"; the in-page graph builder does ViT-MAE's gelu only.`);
  if (config.qkv_bias === false) throw new EngineError('unsupported', `“${model}” has no query/key/value biases (qkv_bias false); the in-page graph builder expects them.`);
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

async function readPreprocessor(host: string, model: string, deps: CheckpointDeps): Promise<{ json?: Record<string, unknown>; bytes: number }> {
  const url = `${host.replace(/\/+$/, '')}/${model}/resolve/main/${PREPROCESSOR_FILE}`;
  const cache = await deps.cache().catch(() => undefined);
  let response = await cache?.match(url).catch(() => undefined);
  if (!response) {
    response = await deps.fetch(url);
    if (response.status === 404) return { bytes: 0 };
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    await cache?.put(url, response.clone()).catch(() => undefined);
  }
  const text = await response.text();
  try {
    return { json: JSON.parse(text) as Record<string, unknown>, bytes: new TextEncoder().encode(text).length };
  } catch {
    throw new EngineError('unsupported', `“${model}”'s ${PREPROCESSOR_FILE} is not valid JSON.`);
  }
}

const FLOAT_DTYPES = new Set(['F32', 'F16', 'BF16']);

/** Every tensor the graph reads, where it sits in the file; fixed tables may be missing (computed). */
export function planVitMae(config: VitMaeConfig, header: SafetensorsHeader, model: string) {
  const tensors: PlannedTensor[] = [];
  const missing: string[] = [];
  const computed: string[] = [];
  for (const [name, shape] of vitMaeShapes(config)) {
    const entry = header.tensors.get(name);
    if (!entry) {
      (FIXED_TENSORS.includes(name) ? computed : missing).push(name);
      continue;
    }
    if (entry.shape.join('x') !== shape.join('x')) {
      throw new EngineError('unsupported', `The checkpoint's ${name} is [${entry.shape.join(', ')}], but this config needs [${shape.join(', ')}].`);
    }
    if (!FLOAT_DTYPES.has(entry.dtype)) throw new EngineError('unsupported', `The checkpoint stores ${name} as ${entry.dtype}; only F32, F16 and BF16 weights can be read.`);
    tensors.push({ name, entry, span: { start: header.dataStart + entry.begin, end: header.dataStart + entry.end } });
  }
  if (missing.length > 0) {
    const [first, ...rest] = missing;
    const more = rest.length > 0 ? ` (and ${rest.length} more${rest.length <= 3 ? `: ${rest.join(', ')}` : ''})` : '';
    throw new EngineError(
      'unsupported',
      `“${model}” has no tensor ${first}${more} in its ${SAFETENSORS_FILE}. A ViTMAEForPreTraining checkpoint has both the encoder (vit.*) and the pixel decoder (decoder.*); a ViTMAEModel or a fine-tuned classifier has no decoder.`,
      `missing: ${missing.join(', ')}`,
    );
  }
  const spans = tensors.map((t) => t.span);
  return { tensors, computed, spans, bytes: spans.reduce((n, s) => n + s.end - s.start, 0) };
}

async function inspect(host: string, model: string, deps: CheckpointDeps): Promise<VitMaeInspection> {
  setHost(host);
  let configBytes = 0;
  const progress_callback = (info: ProgressInfo) => {
    if (info.status === 'progress') configBytes = info.total;
  };
  const raw = { ...((await AutoConfig.from_pretrained(model, { progress_callback })) as unknown as Record<string, unknown>) };
  const config = vitMaeConfigOf(raw, model);
  const pre = await readPreprocessor(host, model, deps);
  const reader = new RangeReader({ url: safetensorsUrl(host, model), host, model, file: SAFETENSORS_FILE }, deps);
  const { header, spans } = await readHeader(reader).catch((error: unknown) => {
    if (error instanceof EngineError || !(error instanceof Error) || !error.message.startsWith('safetensors:')) throw error;
    throw new EngineError('unsupported', `“${model}”'s ${SAFETENSORS_FILE} could not be read as a safetensors file.`, error.message);
  });
  const plan = planVitMae(config, header, model);
  return { model, raw, jsonBytes: { config: configBytes, preprocessor: pre.bytes }, config, norm: imageNormOf(pre.json, model), header, headerSpans: spans, reader, ...plan };
}

/** Config, image settings and safetensors header, read once per worker (failures are retried). */
const inspectVitMae = oncePerModel(inspect);

const headerBytes = (i: VitMaeInspection) => i.headerSpans.reduce((n, s) => n + s.end - s.start, 0);
const label = (i: VitMaeInspection) => `${SAFETENSORS_FILE} (${i.tensors.length} tensors)`;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** [2] An aligned F32 tensor is viewed in place (no second copy of 448 MB); others are widened. */
function asFloat32(entry: SafetensorsEntry, bytes: Uint8Array): Float32Array {
  if (entry.dtype === 'F32' && LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return toFloat32(entry.dtype, bytes);
}

/** The checkpoint as a model source: fp32 or q8 (quantized in the page), the bytes a load reads, whether they are cached. */
export function vitMaeSource(deps: CheckpointDeps = defaultVitMaeDeps): ModelSource {
  return {
    async availableDtypes({ model, host }) {
      await inspectVitMae(host, model, deps);
      return ['fp32', 'q8'] satisfies Dtype[];
    },
    async files({ model, host }): Promise<FileSize[]> {
      const i = await inspectVitMae(host, model, deps);
      setHost(host);
      const json = await Promise.all(
        ['config.json', PREPROCESSOR_FILE].map(async (file) => ({ file, bytes: (await ModelRegistry.get_file_metadata(model, file).catch(() => undefined))?.size ?? 0 })),
      );
      return [...json, { file: label(i), bytes: headerBytes(i) + i.bytes }];
    },
    async cached({ model, host }) {
      const i = await inspectVitMae(host, model, deps);
      if (!(await i.reader.isCached([...i.headerSpans, ...i.spans]))) return false;
      const cache = await deps.cache().catch(() => undefined);
      return (await cache?.match(`${host.replace(/\/+$/, '')}/${model}/resolve/main/config.json`)) !== undefined;
    },
  };
}

export interface VitMaeModel {
  config: VitMaeConfig;
  norm: ImageNorm;
  facts: ModelFacts;
  provenance: VitMaeProvenance;
  /** pixels: normalised [C, S, S]; idsKeep in the encoder's order; idsRestore [N]. Returns logits [N · p·p·C]. */
  run(pixels: Float32Array, idsKeep: readonly number[], idsRestore: readonly number[]): Promise<Float32Array>;
  dispose(): Promise<void>;
}

function factsOf(raw: Record<string, unknown>, c: VitMaeConfig, model: string): ModelFacts {
  return {
    modelType: 'vit_mae',
    architectures: Array.isArray(raw.architectures) ? (raw.architectures as string[]) : [],
    hiddenSize: c.hiddenSize,
    numLayers: c.numLayers,
    numHeads: c.numHeads,
    intermediateSize: c.intermediateSize,
    maxPositions: gridOf(c).patches + 1,
    maxLength: gridOf(c).patches + 1,
    hasTokenTypeIds: false,
    sourceModel: model,
  };
}

/** Reads the whole checkpoint (Range, cached), builds the graph, quantizes it for q8, opens a session. */
export async function loadVitMae(ctx: AdapterLoadContext, deps: VitMaeDeps = defaultVitMaeDeps): Promise<VitMaeModel> {
  const i = await inspectVitMae(ctx.host, ctx.model, deps);
  const dtype = ctx.dtype === 'q8' ? 'q8' : 'fp32';
  // Both JSON files were read while inspecting the checkpoint (before this load): count them as done.
  ctx.onProgress({ file: 'config.json', loaded: i.jsonBytes.config, total: i.jsonBytes.config });
  ctx.onProgress({ file: PREPROCESSOR_FILE, loaded: i.jsonBytes.preprocessor, total: i.jsonBytes.preprocessor });
  const file = label(i);
  const total = headerBytes(i) + i.bytes;
  let loaded = headerBytes(i);
  let told = loaded;
  ctx.onProgress({ file, loaded, total });
  const chunks = await i.reader.read(coalesce(i.spans), (n) => {
    loaded += n;
    if (loaded - told < total / 500 && loaded < total) return;
    told = loaded;
    ctx.onProgress({ file, loaded, total });
  });
  const weights: Record<string, Float32Array> = {};
  for (const t of i.tensors) weights[t.name] = asFloat32(t.entry, chunks.slice(t.span));
  // [3] The position tables are fixed sin-cos values, not learned: computing them gives the same numbers.
  const { side } = gridOf(i.config);
  if (i.computed.includes(VIT_MAE_NAMES.position)) weights[VIT_MAE_NAMES.position] = sincosPositions(i.config.hiddenSize, side);
  if (i.computed.includes(VIT_MAE_NAMES.decoderPosition)) weights[VIT_MAE_NAMES.decoderPosition] = sincosPositions(i.config.decoderHiddenSize, side);
  let graph = buildVitMaeModel({ config: i.config, weights, doc: `${ctx.model}: ViTMAEForPreTraining built in the page from ${SAFETENSORS_FILE}` });
  if (dtype === 'q8') graph = quantizeModel(graph);
  const session: TensorSession = await deps.tensors.createSession(serializeModel(graph), ctx.device as Device);
  const decoder = i.tensors.filter((t) => t.name.startsWith('decoder.'));
  return {
    config: i.config,
    norm: i.norm,
    facts: factsOf(i.raw, i.config, ctx.model),
    provenance: {
      model: ctx.model,
      file: SAFETENSORS_FILE,
      headTensors: decoder.map((t) => ({ name: t.name, shape: [...t.entry.shape] })),
      bodyTensorCount: i.tensors.length - decoder.length,
      bytesFetched: total,
      dtype,
      computed: i.computed,
    },
    async run(pixels, idsKeep, idsRestore) {
      const c = i.config;
      const out = await session.run({
        [VIT_MAE_IO.pixels]: { type: 'float32', data: pixels, dims: [1, c.numChannels, c.imageSize, c.imageSize] },
        [VIT_MAE_IO.keep]: { type: 'int64', data: BigInt64Array.from(idsKeep.map(BigInt)), dims: [idsKeep.length] },
        [VIT_MAE_IO.restore]: { type: 'int64', data: BigInt64Array.from(idsRestore.map(BigInt)), dims: [idsRestore.length] },
      });
      const logits = out[VIT_MAE_IO.logits];
      if (!logits) throw new Error('The ViT-MAE graph did not return logits.');
      return logits.data;
    },
    dispose: () => session.release(),
  };
}
