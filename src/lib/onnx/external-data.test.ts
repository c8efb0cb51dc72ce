import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { buildBertModel } from './bert-model';
import { CLASSIFIER_HEAD, TINY_CONFIG, tinyClassifierWeights } from './classifier-testing';
import { quantizeActivations } from './dynamic-quantize';
import { externalizeInitializers, EXTERNAL_DATA_FILE, inlineParts } from './external-data';
import { decodeModel, serializeModel } from './graph-builder';
import { DataLocation, type ModelProto } from './onnx-types';
import { quantizeModel, quantizeTensor } from './quantize';

const config = TINY_CONFIG;
const head = CLASSIFIER_HEAD;
const weights = tinyClassifierWeights(11);

/** The q8 graph as a checkpoint build makes it: each large weight quantized into its place in one file. */
function builtIntoOneFile() {
  const names = quantizeModel(buildBertModel({ config, head, weights })).graph.node.filter((n) => n.op_type === 'DequantizeLinear').map((n) => n.output[0]!);
  const file = new Uint8Array(names.reduce((n, name) => n + weights[name]!.length, 0));
  let at = 0;
  const packed = new Map(
    names.map((name) => {
      const values = weights[name]!;
      const q = quantizeTensor(values, false, file.subarray(at, at + values.length));
      at += values.length;
      return [name, q];
    }),
  );
  const floats = Object.fromEntries(Object.entries(weights).filter(([name]) => !packed.has(name)));
  return { model: quantizeActivations(buildBertModel({ config, head, weights: floats, packed })), file };
}

async function logits(graph: Uint8Array, data?: Uint8Array): Promise<number[]> {
  const externalData = data ? [{ path: EXTERNAL_DATA_FILE, data }] : undefined;
  const session = await ort.InferenceSession.create(graph, externalData ? { externalData } : {});
  const t = (v: number[]) => new ort.Tensor('int64', BigInt64Array.from(v.map(BigInt)), [1, 5]);
  const out = await session.run({ input_ids: t([2, 9, 17, 40, 3]), attention_mask: t([1, 1, 1, 1, 1]), token_type_ids: t([0, 0, 0, 1, 1]) });
  await session.release();
  return Array.from((out.logits as ort.Tensor).data as Float32Array);
}

describe('externalizeInitializers', () => {
  it('points the weights that live in the file into it, keeps the rest inline, and ONNX Runtime answers the same', async () => {
    const { model, file } = builtIntoOneFile();
    const inline = serializeModel(model);
    const graph = serializeModel(externalizeInitializers(model, file));
    // The graph without the file's bytes: everything else it held is small.
    expect(graph.byteLength).toBeLessThan(inline.byteLength - file.byteLength + 4096);
    const decoded = decodeModel(graph);
    const external = decoded.graph.initializer.filter((t) => t.data_location === DataLocation.EXTERNAL);
    const spans = external.map((t) => {
      const entry = Object.fromEntries(t.external_data!.map((e) => [e.key, e.value]));
      expect(entry.location).toBe(EXTERNAL_DATA_FILE);
      return [Number(entry.offset), Number(entry.length)] as const;
    });
    // Every byte of the file is some weight's, each once, in the order they were quantized.
    spans.sort((a, b) => a[0] - b[0]);
    expect(spans.reduce((end, [offset, length]) => (expect(offset).toBe(end), end + length), 0)).toBe(file.byteLength);
    expect(external.every((t) => t.name.endsWith('_quantized') && !t.raw_data?.length)).toBe(true);
    expect(decoded.graph.initializer.some((t) => t.name === 'classifier.bias' && t.raw_data?.length)).toBe(true);
    expect(await logits(graph, file)).toEqual(await logits(inline));
  });

  it('leaves a model none of whose weights view the file as it was', () => {
    const { model } = builtIntoOneFile();
    expect(serializeModel(externalizeInitializers(model, new Uint8Array(16)))).toEqual(serializeModel(model));
  });

  it('writes the same model as one .onnx with every weight inline, in parts that are the weights themselves', async () => {
    const { model, file } = builtIntoOneFile();
    const parts = inlineParts(model, file);
    const whole = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    parts.reduce((at, p) => (whole.set(p, at), at + p.byteLength), 0);
    // Every weight of the file is a part as it is, not a copy.
    const weights = model.graph.initializer.filter((t) => t.raw_data?.buffer === file.buffer).map((t) => t.raw_data);
    expect(parts.filter((p) => p.buffer === file.buffer)).toEqual(weights);
    const byName = (m: ModelProto) => new Map(m.graph.initializer.map((t) => [t.name, [t.dims.join('x'), t.data_type, Array.from(t.raw_data ?? [])]]));
    const decoded = decodeModel(whole);
    expect(byName(decoded)).toEqual(byName(decodeModel(serializeModel(model))));
    expect(decoded.graph.node).toEqual(decodeModel(serializeModel(model)).graph.node);
    expect(await logits(whole)).toEqual(await logits(serializeModel(model)));
  });
});
