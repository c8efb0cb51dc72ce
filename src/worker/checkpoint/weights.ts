import { buildBertModel, quantizeModel, serializeModel, type ModelProto, type WeightMap } from '@/lib/onnx';
import { toFloat32, type SafetensorsEntry } from '@/lib/safetensors';
import type { Inspection } from './inspect';
import type { TensorPlan } from './tensor-plan';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * [1] An F32 tensor whose bytes sit 4-aligned in the downloaded buffer can be viewed in place:
 *     for a 440 MB checkpoint that saves a second 440 MB copy. Anything else is widened by toFloat32.
 */
function asFloat32(entry: SafetensorsEntry, bytes: Uint8Array): Float32Array {
  if (entry.dtype === 'F32' && LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) {
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  }
  return toFloat32(entry.dtype, bytes);
}

/** Reads the planned tensors (cache first, then Range requests) into float32, by builder name. */
export async function readWeights(
  inspection: Inspection,
  plan: TensorPlan,
  onBytes: (n: number) => void,
): Promise<WeightMap> {
  const chunks = await inspection.reader.read(plan.spans, onBytes);
  const weights: Record<string, Float32Array> = {};
  for (const t of plan.tensors) weights[t.name] = asFloat32(t.entry, chunks.slice(t.span));
  return weights;
}

/** The graph for encoder + head, made from the checkpoint's own tensors. */
async function buildGraph(inspection: Inspection, plan: TensorPlan, onBytes: (n: number) => void): Promise<ModelProto> {
  const weights = await readWeights(inspection, plan, onBytes);
  return buildBertModel({
    config: inspection.encoder,
    head: plan.head,
    weights,
    doc: `${inspection.model}: encoder and ${plan.head.kind} head built in the page from model.safetensors`,
  });
}

/**
 * Builds the ONNX graph and returns the .onnx bytes.
 * [2] Memory, for a 440 MB checkpoint: the downloaded bytes (and the weights viewing them) are
 *     dropped once the graph holds its own copy, and the float graph once it is quantized, so at
 *     most two full-size copies live at a time before ONNX Runtime takes its own.
 */
export async function buildOnnx(
  inspection: Inspection,
  plan: TensorPlan,
  quantize: boolean,
  onBytes: (n: number) => void,
): Promise<Uint8Array> {
  let model = await buildGraph(inspection, plan, onBytes);
  if (quantize) model = quantizeModel(model);
  return serializeModel(model);
}
