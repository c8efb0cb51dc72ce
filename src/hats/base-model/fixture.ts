import { sentenceEncoder } from '../../lib/onnx/fixture/sentence-encoder';
import type { BenchCase, FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { EMBED_ID } from './cases';

/*
 * hw-test/tiny-minilm: the shared tiny sentence encoder (src/lib/onnx/fixture/sentence-encoder.ts),
 * a BertModel with no head whose words of a kind share a direction. This hat writes its folder.
 */
// model.safetensors too: the Inside panel rebuilds the body from the PyTorch checkpoint.
export const embedFixture: FixtureModelSpec = { ...sentenceEncoder, id: EMBED_ID, safetensors: {} };

export const fixtures = [embedFixture];

export const benchCase: BenchCase = {
  model: EMBED_ID,
  params: { text: 'the cat sleeps' },
  bareClass: 'AutoModel',
  field: 'Text',
  inputs: (i) => `${['the', 'a'][i % 2]} ${['cat', 'dog', 'car'][i % 3]} ${'sleeps '.repeat(1 + (i % 3))}${i}`,
};
