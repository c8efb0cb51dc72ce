// checkpointLoader is the same in the three checkpoint hats' snippets.ts (hats share no code).
import { literal } from '@/lib/snippets';
import type { MultipleChoiceParams } from './params';

export function pythonSnippet(modelId: string, p: MultipleChoiceParams): string {
  return `import torch
from transformers import AutoTokenizer, BertForMultipleChoice

model_id = ${literal(modelId)}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = BertForMultipleChoice.from_pretrained(model_id)

context = ${literal(p.context)}
choices = [${p.choices.map(literal).join(', ')}]
# One (context, choice) pair per choice; the model wants [batch, num_choices, seq_len].
inputs = tokenizer([context] * len(choices), choices, padding=True, truncation=True, return_tensors="pt")
with torch.no_grad():
    logits = model(**{k: v.unsqueeze(0) for k, v in inputs.items()}).logits  # [1, num_choices]
probs = logits.softmax(-1)[0]
for choice, p in zip(choices, probs.tolist()):
    print(round(p, 4), choice)
`;
}

/**
 * Steps 1–4 of how the page runs a checkpoint without a transformers.js class: Range-read the
 * safetensors header and the head's tensors, build the ONNX graph, open an ONNX Runtime session.
 */
function checkpointLoader(autoClass: string, modelId: string, kind: string, headNote: string, dtype: string): string {
  return `// transformers.js has no ${autoClass}, so the page builds the model itself, as below.
// (readHeaderLength … weightShapes are this app's own TypeScript: src/lib/safetensors, src/lib/onnx.)
import { AutoConfig, AutoTokenizer } from '@huggingface/transformers';
import * as ort from 'onnxruntime-web';
import { readHeaderLength, parseSafetensorsHeader, legacyName, toFloat32 } from './lib/safetensors';
import { buildBertModel, quantizeModel, serializeModel, weightShapes } from './lib/onnx';

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
const head = { kind: ${literal(kind)} }; // ${headNote}
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

/** How the page itself does it: there is no transformers.js class to call. */
export function jsSnippet(modelId: string, p: MultipleChoiceParams, dtype: string): string {
  return `${checkpointLoader('AutoModelForMultipleChoice', modelId, 'multiple-choice', 'pooler + classifier Linear(hidden → 1)', dtype)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
const context = ${literal(p.context)};
const choices = [${p.choices.map(literal).join(', ')}];
// (For pairs longer than the model's window the page trims the longer sentence first, as Python does.)
const pairs = choices.map((choice) => tokenizer(context, { text_pair: choice, return_tensor: false }));
const width = Math.max(...pairs.map((e) => e.input_ids.length));
const feed = (key, pad) => new ort.Tensor('int64',
  BigInt64Array.from(pairs.flatMap((e) => [...e[key], ...Array(width - e[key].length).fill(pad)]), BigInt), [pairs.length, width]);
const { logits } = await session.run({
  input_ids: feed('input_ids', tokenizer.pad_token_id), attention_mask: feed('attention_mask', 0), token_type_ids: feed('token_type_ids', 0),
});
const scores = Array.from(logits.data); // [num_choices, 1]: one score per (context, choice) pair
const exps = scores.map((s) => Math.exp(s - Math.max(...scores)));
const probs = exps.map((e) => e / exps.reduce((a, b) => a + b, 0)); // softmax across the choices
choices.forEach((choice, i) => console.log(probs[i].toFixed(4), choice));
`;
}
