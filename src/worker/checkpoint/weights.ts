import { buildBertModel, quantizeModel, serializeModel, type ModelProto } from '@/lib/onnx';
import type { AdapterLoadContext } from '../adapter';
import type { BertInspection, CheckpointHead } from './bert-checkpoint';
import { readTensors, type TensorPlan } from './tensor-plan';

/** The graph for encoder + head, made from the checkpoint's own tensors. */
async function buildGraph(ctx: AdapterLoadContext, inspection: BertInspection, head: CheckpointHead, plan: TensorPlan): Promise<ModelProto> {
  const weights = await readTensors(ctx, inspection, plan);
  return buildBertModel({
    config: inspection.encoder,
    head,
    weights,
    doc: `${inspection.model}: encoder and ${head.label} head built in the page from model.safetensors`,
  });
}

/**
 * Builds the ONNX graph and returns the .onnx bytes.
 * [1] Memory, for a 440 MB checkpoint: the downloaded bytes (and the weights viewing them) are
 *     dropped once the graph holds its own copy, and the float graph once it is quantized, so at
 *     most two full-size copies live at a time before ONNX Runtime takes its own.
 */
export async function buildOnnx(
  ctx: AdapterLoadContext,
  inspection: BertInspection,
  head: CheckpointHead,
  plan: TensorPlan,
  quantize: boolean,
): Promise<Uint8Array> {
  let model = await buildGraph(ctx, inspection, head, plan);
  if (quantize) model = quantizeModel(model);
  return serializeModel(model);
}
