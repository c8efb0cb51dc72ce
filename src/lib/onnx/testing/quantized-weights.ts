import type { WeightMap } from '../bert-names';
import type { ModelProto } from '../onnx-types';
import { dequantizeTensor, quantizeTensor } from '../quantize';

/** Hugging Face names of the weights a quantized model stores as 8-bit (its DequantizeLinear outputs). */
export function quantizedWeightNames(model: ModelProto): string[] {
  return model.graph.node.filter((n) => n.op_type === 'DequantizeLinear').map((n) => n.output[0] as string);
}

/**
 * The weights as the quantized graph sees them: each named tensor rounded to
 * its 8-bit grid and back. Per-tensor scale and zero point depend only on the
 * set of values, so rounding the PyTorch-layout tensor gives the same numbers
 * as rounding the transposed copy in the graph. A reference forward pass on
 * these weights must match the q8 graph as closely as fp32 matches fp32.
 */
export function dequantizedWeights(weights: WeightMap, names: Iterable<string>, signed = false): WeightMap {
  const out: Record<string, Float32Array> = { ...weights };
  for (const name of names) {
    const data = weights[name];
    if (!data) throw new Error(`no weight ${name} to dequantize`);
    out[name] = dequantizeTensor(quantizeTensor(data, signed));
  }
  return out;
}
