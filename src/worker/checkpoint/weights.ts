import { buildBertModel, externalizeInitializers, inlineParts, quantizeActivations, serializeModel, type ModelProto, type OnnxFiles, type PackedWeights, type WeightMap } from '@/lib/onnx';
import type { AdapterLoadContext } from '../adapter';
import { builtModelKey, keepBuiltModel, readBuiltModel } from './built-model';
import type { CheckpointDeps, CheckpointSession } from './deps';
import { checkpointBytes, type SafetensorsFile } from './inspect';
import type { BertInspection, CheckpointHead } from './bert-checkpoint';
import { packedOnArrival, readPackedTensors, safetensorsLabel, type TensorPlan } from './tensor-plan';

/** How a checkpoint becomes a graph: what the built file is kept under, and the build itself. */
export interface GraphRecipe {
  /** Names the graph in the key it is kept under (a BERT head's name, or the architecture's). */
  name: string;
  /** The graph from the checkpoint's tensors: floats by builder name, and in q8 the matrices that arrived 8-bit. */
  build(weights: WeightMap, packed: PackedWeights): ModelProto;
}

/** Encoder + a hat's head, made from the checkpoint's own tensors (matrices 8-bit for q8). */
export function bertRecipe(inspection: BertInspection, head: CheckpointHead): GraphRecipe {
  return {
    name: head.name,
    build: (weights, packed) =>
      buildBertModel({
        config: inspection.encoder,
        head,
        weights,
        packed,
        doc: `${inspection.model}: encoder and ${head.label} head built in the page from model.safetensors`,
      }),
  };
}

/** A built model: what a session opens now, and the same model as the parts of one .onnx, to keep. */
export interface BuiltOnnx {
  session: OnnxFiles;
  keep: Uint8Array[];
}

/**
 * Builds the ONNX graph.
 * [1] Memory, for a 440 MB checkpoint in q8: each matrix is quantized as its bytes arrive, into its
 *     place in one file of 8-bit weights, and its float bytes dropped; the graph views that file and
 *     the session opens it as the graph's external data, so the build holds the 8-bit weights once
 *     (about 110 MB) and a .onnx of a few hundred kilobytes, never the float checkpoint, nor a .onnx
 *     with every weight inline next to the weights it was written from (that one, kept for the next
 *     visit, is written in parts that are the weights themselves).
 */
export async function buildOnnx(ctx: AdapterLoadContext, file: SafetensorsFile, plan: TensorPlan, recipe: GraphRecipe, quantize: boolean): Promise<BuiltOnnx> {
  const { weights, packed, data } = await readPackedTensors(ctx, file, plan, quantize ? packedOnArrival : undefined);
  const steps = quantize ? 3 : 2;
  ctx.onStage?.({ label: 'Building the graph', done: 0, total: steps });
  let graph = recipe.build(weights, packed);
  if (quantize) {
    ctx.onStage?.({ label: 'Quantizing activations', done: 1, total: steps });
    // [2] q8 as real exports have it: activations quantized on the fly too, so the matrix products run on bytes.
    graph = quantizeActivations(graph);
  }
  ctx.onStage?.({ label: 'Writing the .onnx file', done: steps - 1, total: steps });
  if (data.byteLength === 0) {
    const bytes = serializeModel(graph);
    return { session: { graph: bytes }, keep: [bytes] };
  }
  return { session: { graph: serializeModel(externalizeInitializers(graph, data)), data }, keep: inlineParts(graph, data) };
}

export interface CheckpointOnnx {
  onnx: OnnxFiles;
  /** Settles once freshly built bytes are kept for the next visit (at once when they came from there). */
  kept: Promise<void>;
}

/**
 * The .onnx bytes of the recipe's graph in this dtype: the ones built on an earlier visit from the
 * same version of the checkpoint when the cache has them (no tensor is read then), else built now
 * and kept, once `beforeBuild` has settled without failing.
 */
export async function checkpointOnnx(
  ctx: AdapterLoadContext,
  file: SafetensorsFile,
  plan: TensorPlan,
  recipe: GraphRecipe,
  dtype: 'fp32' | 'q8',
  deps: CheckpointDeps,
  beforeBuild: () => Promise<unknown> = () => Promise.resolve(),
): Promise<CheckpointOnnx> {
  const cache = await deps.cache().catch(() => undefined);
  const keyNow = () => {
    const version = file.reader.version;
    return version && builtModelKey(ctx.host, ctx.model, recipe.name, dtype, version);
  };
  const key = keyNow();
  const opening = () => ctx.onStage?.({ label: 'Opening the model built on an earlier visit', done: 0, total: 1 });
  const kept = key ? await readBuiltModel(cache, key, opening) : undefined;
  if (kept) {
    const total = checkpointBytes(file, plan);
    ctx.onProgress({ file: safetensorsLabel(plan), loaded: total, total });
    return { onnx: { graph: kept }, kept: Promise.resolve() };
  }
  await beforeBuild();
  const built = await buildOnnx(ctx, file, plan, recipe, dtype === 'q8');
  const keepAs = keyNow();
  return { onnx: built.session, kept: keepAs ? keepBuiltModel(cache, keepAs, built.keep) : Promise.resolve() };
}

/**
 * Opens an ONNX Runtime session on the built (or kept) graph, telling the page, and waits for the
 * graph to be kept and for `alongside` (a loader's other work, such as its tokenizer); if either
 * fails, a session that opened meanwhile is released, since nobody will get it.
 */
export async function openCheckpointSession<T = undefined>(
  ctx: AdapterLoadContext,
  built: CheckpointOnnx,
  deps: CheckpointDeps,
  alongside?: Promise<T>,
): Promise<[CheckpointSession, T]> {
  ctx.onStage?.({ label: 'Starting ONNX Runtime on the graph', done: 0, total: 1 });
  const opening = deps.runtime.createSession(built.onnx.graph, ctx.device, built.onnx.data);
  try {
    const [session, other] = await Promise.all([opening, alongside as Promise<T>, built.kept]);
    return [session, other];
  } catch (error) {
    await opening.then((s) => s.release()).catch(() => undefined);
    throw error;
  }
}
