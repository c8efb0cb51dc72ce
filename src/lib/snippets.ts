/** A string literal that both Python and JavaScript read back as the same text. */
export function literal(text: string): string {
  return JSON.stringify(text);
}

/** The Hub id whose PyTorch weights the ONNX export came from, when the config names one. */
export function pythonModelId(modelId: string, sourceModel?: string): string {
  if (sourceModel && /^[\w.-]+(\/[\w.-]+)?$/.test(sourceModel) && !sourceModel.startsWith('.')) return sourceModel;
  return modelId;
}

/**
 * Steps 1–4 of how the page runs a checkpoint without a transformers.js class: Range-read the
 * safetensors header and the head's tensors, build the ONNX graph, open an ONNX Runtime session.
 */
export function checkpointLoaderSnippet(
  autoClass: string,
  modelId: string,
  head: { exportName: string; path: string },
  headNote: string,
  dtype: string,
): string {
  return `// transformers.js has no ${autoClass}, so the page builds the model itself, as below.
// (readHeaderLength … weightShapes and the head are this app's own TypeScript: src/lib/safetensors, src/lib/onnx, src/hats.)
import { AutoConfig, AutoTokenizer } from '@huggingface/transformers';
import * as ort from 'onnxruntime-web';
import { readHeaderLength, parseSafetensorsHeader, legacyName, toFloat32 } from './lib/safetensors';
import { buildBertModel, quantizeModel, serializeModel, weightShapes } from './lib/onnx';
import { ${head.exportName} as head } from '${head.path}'; // ${headNote}

const modelId = ${literal(modelId)};
const url = \`https://huggingface.co/\${modelId}/resolve/main/model.safetensors\`;
// 1. HTTP Range: the host answers 206 with only these bytes (a 200 would be the whole file: refused).
async function bytes(start, end) {
  const res = await fetch(url, { headers: { Range: \`bytes=\${start}-\${end - 1}\` } });
  if (res.status !== 206) throw new Error('This host ignores Range requests');
  return new Uint8Array(await res.arrayBuffer());
}
// 2. The header: 8 bytes give its length N, then N bytes of JSON list every tensor's dtype, shape, offsets.
const first = await bytes(0, 8);
const prefix = new Uint8Array(8 + readHeaderLength(first));
prefix.set(first);
prefix.set(await bytes(8, prefix.length), 8);
const header = parseSafetensorsHeader(prefix);
// 3. Fetch only the tensors this head needs (the page joins neighbours into fewer requests and caches them).
const cfg = await AutoConfig.from_pretrained(modelId);
const config = { family: 'bert', prefix: 'bert.', vocabSize: cfg.vocab_size, hiddenSize: cfg.hidden_size,
  numLayers: cfg.num_hidden_layers, numHeads: cfg.num_attention_heads, intermediateSize: cfg.intermediate_size,
  maxPositions: cfg.max_position_embeddings, typeVocabSize: cfg.type_vocab_size, layerNormEps: cfg.layer_norm_eps };
const names = new Map([...header.tensors.keys()].map((k) => [legacyName(k), k])); // old LayerNorm gamma/beta
const weights = {};
for (const [name] of weightShapes(config, head)) {
  const entry = header.tensors.get(names.get(name));
  if (!entry) throw new Error(\`The checkpoint has no \${name}\`);
  weights[name] = toFloat32(entry.dtype, await bytes(header.dataStart + entry.begin, header.dataStart + entry.end));
}
// 4. Build the ONNX graph of encoder + head${dtype === 'q8' ? ', quantize it to 8 bits' : ''}, and run it with ONNX Runtime Web.
const model = buildBertModel({ config, head, weights });
const session = await ort.InferenceSession.create(serializeModel(${dtype === 'q8' ? 'quantizeModel(model)' : 'model'}));
`;
}
