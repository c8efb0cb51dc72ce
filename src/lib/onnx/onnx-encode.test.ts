import { describe, expect, it } from 'vitest';
import { bareEncoder, blankWeights, buildBertModel, externalizeInitializers, quantizeModel, type ModelProto } from './index';
import { tinyConfig } from './fixture/fixture-spec';
import { decodeModel, GraphBuilder } from './graph-builder';
import { encodeModel } from './onnx-encode';
import { modelProtoType } from './onnx-schema';
import { blankVitMaeWeights, type VitMaeConfig } from './vit-mae/config';
import { buildVitMaeModel } from './vit-mae/graph';

/** What protobufjs' reflection encoder (compiled at run time) writes for the same object. */
const reflected = (m: ModelProto) => new Uint8Array(modelProtoType().encode(m).finish());

const mae: VitMaeConfig = {
  imageSize: 16, patchSize: 4, numChannels: 3, hiddenSize: 16, numLayers: 1, numHeads: 2, intermediateSize: 32,
  decoderHiddenSize: 8, decoderLayers: 1, decoderHeads: 2, decoderIntermediateSize: 16, layerNormEps: 1e-6, maskRatio: 0.75, normPixLoss: false,
};

function models(): [string, ModelProto][] {
  const bert = { ...tinyConfig('bert', 20, 1), prefix: 'bert.' };
  const bertModel = buildBertModel({ config: bert, head: bareEncoder, weights: blankWeights(bert, bareEncoder), doc: 'bert' });
  const g = new GraphBuilder('edge');
  const x = g.input('x', 'float32', ['batch', 2]);
  // Zero and empty values must still be written (proto2: every set field is present).
  g.node('LeakyRelu', [x], { alpha: { f: 0 } }, 'y');
  g.node('Concat', ['y', 'y'], { axis: { i: 0 } }, 'z');
  g.output('z', 'float32', ['batch', 4]);
  const q8 = quantizeModel(bertModel);
  const table = q8.graph.initializer.find((t) => t.name.endsWith('_quantized'))!;
  return [
    ['a BERT encoder', bertModel],
    ['the same, quantized', q8],
    ['the same, a table in an external data file', externalizeInitializers(q8, table.raw_data!)],
    ['ViT-MAE', buildVitMaeModel({ config: mae, weights: blankVitMaeWeights(mae), doc: 'mae' })],
    ['zeros and empties', g.toModel({ doc: '' })],
  ];
}

describe('encodeModel', () => {
  it.each(models())('writes the bytes the reflection encoder writes: %s', (_, model) => {
    const bytes = encodeModel(model);
    expect([...bytes]).toEqual([...reflected(model)]);
    expect(decodeModel(bytes).graph.node.length).toBe(model.graph.node.length);
  });
});
