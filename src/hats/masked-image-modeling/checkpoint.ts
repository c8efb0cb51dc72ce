import { buildVitMaeModel, FIXED_TENSORS, gridOf, sincosPositions, VIT_MAE_IO, VIT_MAE_NAMES, vitMaeShapes, type VitMaeConfig } from '@/lib/onnx/vit-mae';
import { attentionOutput, hiddenOutput } from '@/lib/onnx/inside-outputs';
import type { SafetensorsHeader } from '@/lib/safetensors';
import {
  CHECKPOINT_DTYPES,
  checkpointBytes,
  checkpointOnnx,
  defaultDeps,
  describeMissing,
  EngineError,
  fileSizes,
  filesCached,
  oncePerModel,
  openCheckpointSession,
  planTensors,
  readCheckpointConfig,
  readSafetensors,
  SAFETENSORS_FILE,
  safetensorsLabel,
  type AdapterLoadContext,
  type CheckpointDeps,
  type CheckpointProvenance,
  type GraphOutput,
  type GraphRecipe,
  type ModelFacts,
  type ModelSource,
} from '@/worker/sdk';
import { imageNormOf, PREPROCESSOR_FILE, readPreprocessor, vitMaeConfigOf, type ImageNorm } from './vit-config';

/*
 * ViTMAEForPreTraining straight from a checkpoint's model.safetensors (DESIGN.md §3): config.json
 * and preprocessor_config.json, the safetensors header by Range, then every tensor of encoder and
 * decoder; the graph is built in the page (src/lib/onnx/vit-mae) and run by ONNX Runtime.
 */

export interface VitMaeProvenance extends CheckpointProvenance {
  /** Fixed sin-cos tables the checkpoint did not store, computed in the page instead. */
  computed: string[];
}

/** The planned read of the whole checkpoint; the fixed position tables may be missing (computed). */
function plan(config: VitMaeConfig, header: SafetensorsHeader, model: string) {
  const p = planTensors(header, vitMaeShapes(config), {
    optional: FIXED_TENSORS,
    isHead: (name) => name.startsWith('decoder.'),
    needs: 'this config',
  });
  if (p.missing.length > 0) {
    throw new EngineError(
      'unsupported',
      `“${model}” has no tensor ${describeMissing(p.missing)} in its ${SAFETENSORS_FILE}. A ViTMAEForPreTraining checkpoint has both the encoder (vit.*) and the pixel decoder (decoder.*); a ViTMAEModel or a fine-tuned classifier has no decoder.`,
      `missing: ${p.missing.join(', ')}`,
    );
  }
  return p;
}

/** Config, image settings, safetensors header and plan, read once per worker (failures are retried). */
const inspect = oncePerModel(async (host, model, deps: CheckpointDeps) => {
  const { config: raw, bytes } = await readCheckpointConfig(host, model, deps);
  const config = vitMaeConfigOf(raw, model);
  const pre = await readPreprocessor(host, model, deps);
  const file = await readSafetensors(host, model, deps);
  return { ...file, model, raw, jsonBytes: { config: bytes, preprocessor: pre.bytes }, config, norm: imageNormOf(pre.json, model), plan: plan(config, file.header, model) };
});

/** The checkpoint as a model source: fp32 or q8 (quantized in the page), the bytes a load reads, whether they are cached. */
export function vitMaeSource(deps: CheckpointDeps = defaultDeps): ModelSource {
  return {
    async availableDtypes({ model, host }) {
      await inspect(host, model, deps);
      return CHECKPOINT_DTYPES;
    },
    async files({ model, host }) {
      const i = await inspect(host, model, deps);
      return [...(await fileSizes(host, model, ['config.json', PREPROCESSOR_FILE])), { file: safetensorsLabel(i.plan), bytes: checkpointBytes(i, i.plan) }];
    },
    async cached({ model, host }) {
      const i = await inspect(host, model, deps);
      if (!(await i.reader.isCached([...i.headerSpans, ...i.plan.spans]))) return false;
      // preprocessor_config.json is optional: a checkpoint without one is cached all the same.
      return filesCached(host, model, ['config.json'], deps);
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
  /** The same pass answering with the inside outputs as well: the encoder's attentions and hidden states, the decoder's attentions. */
  look(pixels: Float32Array, idsKeep: readonly number[], idsRestore: readonly number[]): Promise<Record<string, GraphOutput>>;
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

const int64 = (values: readonly number[]) => BigInt64Array.from(values.map(BigInt));

/** ViTMAEForPreTraining from the checkpoint's tensors, for the built-model path the BERT hats take too. */
function vitMaeRecipe(i: Awaited<ReturnType<typeof inspect>>, model: string): GraphRecipe {
  return {
    name: 'vit-mae-pretraining',
    build(read, packed) {
      const weights = { ...read };
      // [1] The position tables are fixed sin-cos values, not learned: computing them gives the same numbers.
      const { side } = gridOf(i.config);
      if (i.plan.absent.includes(VIT_MAE_NAMES.position)) weights[VIT_MAE_NAMES.position] = sincosPositions(i.config.hiddenSize, side);
      if (i.plan.absent.includes(VIT_MAE_NAMES.decoderPosition)) weights[VIT_MAE_NAMES.decoderPosition] = sincosPositions(i.config.decoderHiddenSize, side);
      // [2] One graph for runs and the Inside panel: its attention and hidden-state outputs are only
      //     copied out when a look asks for them.
      return buildVitMaeModel({ config: i.config, weights, packed, inside: true, doc: `${model}: ViTMAEForPreTraining built in the page from ${SAFETENSORS_FILE}` });
    },
  };
}

/**
 * Reads the whole checkpoint (Range, cached), builds the graph and opens a session: in q8 each
 * matrix is quantized as its bytes arrive and the graph quantizes activations on the fly, as the
 * BERT checkpoint hats do; the built .onnx is kept, so a second visit opens it without a build.
 */
export async function loadVitMae(ctx: AdapterLoadContext, deps: CheckpointDeps = defaultDeps): Promise<VitMaeModel> {
  const i = await inspect(ctx.host, ctx.model, deps);
  const dtype = ctx.dtype === 'q8' ? 'q8' : 'fp32';
  // Both JSON files were read while inspecting the checkpoint (before this load): count them as done.
  ctx.onProgress({ file: 'config.json', loaded: i.jsonBytes.config, total: i.jsonBytes.config });
  ctx.onProgress({ file: PREPROCESSOR_FILE, loaded: i.jsonBytes.preprocessor, total: i.jsonBytes.preprocessor });
  const [session] = await openCheckpointSession(ctx, await checkpointOnnx(ctx, i, i.plan, vitMaeRecipe(i, ctx.model), dtype, deps), deps);
  const decoder = i.plan.tensors.filter((t) => t.head);
  const c = i.config;
  const feeds = (pixels: Float32Array, idsKeep: readonly number[], idsRestore: readonly number[]) => ({
    [VIT_MAE_IO.pixels]: { type: 'float32' as const, data: pixels, dims: [1, c.numChannels, c.imageSize, c.imageSize] },
    [VIT_MAE_IO.keep]: { type: 'int64' as const, data: int64(idsKeep), dims: [idsKeep.length] },
    [VIT_MAE_IO.restore]: { type: 'int64' as const, data: int64(idsRestore), dims: [idsRestore.length] },
  });
  const insideOutputs = [
    ...Array.from({ length: c.numLayers }, (_, l) => attentionOutput(l + 1)),
    ...Array.from({ length: c.numLayers + 1 }, (_, l) => hiddenOutput(l)),
    ...Array.from({ length: c.decoderLayers }, (_, l) => attentionOutput(l + 1, 'decoder')),
  ];
  return {
    config: i.config,
    norm: i.norm,
    facts: factsOf(i.raw, i.config, ctx.model),
    provenance: {
      model: ctx.model,
      file: SAFETENSORS_FILE,
      headTensors: decoder.map((t) => ({ name: t.fileName, shape: [...t.entry.shape] })),
      bodyTensorCount: i.plan.tensors.length - decoder.length,
      bytesFetched: checkpointBytes(i, i.plan),
      dtype,
      computed: i.plan.absent,
    },
    async run(pixels, idsKeep, idsRestore) {
      const out = await session.run(feeds(pixels, idsKeep, idsRestore), [VIT_MAE_IO.logits]);
      const logits = out[VIT_MAE_IO.logits];
      if (!logits) throw new Error('The ViT-MAE graph did not return logits.');
      return logits.data;
    },
    look: (pixels, idsKeep, idsRestore) => session.run(feeds(pixels, idsKeep, idsRestore), insideOutputs),
    dispose: () => session.release(),
  };
}
