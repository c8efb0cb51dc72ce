import { buildBertModel, serializeModel, type ModelProto } from '@/lib/onnx';
import type { AdapterLoadContext } from '../adapter';
import type { BertInspection, CheckpointHead } from './bert-checkpoint';
import { packedOnArrival, readPackedTensors, type TensorPlan } from './tensor-plan';

/** The graph for encoder + head, made from the checkpoint's own tensors (matrices 8-bit for q8). */
async function buildGraph(ctx: AdapterLoadContext, inspection: BertInspection, head: CheckpointHead, plan: TensorPlan, quantize: boolean): Promise<ModelProto> {
  const { weights, packed } = await readPackedTensors(ctx, inspection, plan, quantize ? packedOnArrival : undefined);
  return buildBertModel({
    config: inspection.encoder,
    head,
    weights,
    packed,
    doc: `${inspection.model}: encoder and ${head.label} head built in the page from model.safetensors`,
  });
}

/**
 * Builds the ONNX graph and returns the .onnx bytes.
 * [1] Memory, for a 440 MB checkpoint in q8: each matrix is quantized as its bytes arrive and its
 *     float bytes dropped, so the build holds the 8-bit weights (about 110 MB), the graph's copy of
 *     them and the .onnx bytes, never the float checkpoint.
 */
export async function buildOnnx(
  ctx: AdapterLoadContext,
  inspection: BertInspection,
  head: CheckpointHead,
  plan: TensorPlan,
  quantize: boolean,
): Promise<Uint8Array> {
  return serializeModel(await buildGraph(ctx, inspection, head, plan, quantize));
}

