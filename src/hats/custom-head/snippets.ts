import { jsDevice, jsOptions, literal, pythonSnippetFor } from '@/lib/snippets';
import type { Head } from './types';

/**
 * Python: the same head as nn.Linear on sentence-transformers embeddings, trained and then loaded
 * from the exported file. The width is the encoder's own (asked at run time), never assumed.
 */
export function pythonSnippet(modelId: string, text: string, head: Head | undefined): string {
  const k = head ? (head.layers[head.layers.length - 1]?.outSize ?? 2) : 3;
  const hidden = head?.layers.length === 2 ? head.layers[0]?.outSize : undefined;
  const regression = head?.task === 'regression';
  const layers = hidden ? `nn.Sequential(nn.Linear(d, ${hidden}), nn.ReLU(), nn.Linear(${hidden}, ${k}))` : `nn.Linear(d, ${k})`;
  const pooling = head?.encoder.pooling === 'cls' ? '  # this encoder is read with CLS pooling' : '';
  return pythonSnippetFor(
    modelId,
    (header) => `import json, torch
from torch import nn
from sentence_transformers import SentenceTransformer

${header}
encoder = SentenceTransformer(model_id)${pooling}
def embed(texts):  # frozen: no gradients ever reach the encoder
    return torch.tensor(encoder.encode(texts, normalize_embeddings=True))

d = encoder.get_sentence_embedding_dimension()  # the encoder's own width${head ? ` (${head.encoder.hiddenSize} for the page's)` : ''}
head = ${layers}  # the only weights that learn: a ${hidden ? 'small MLP' : 'linear probe'} on frozen features
# Training, as the page does it: full batch, Adam, ${regression ? 'mean squared error' : 'cross-entropy'}.
# X = embed(train_texts); y = ${regression ? 'torch.tensor(train_targets, dtype=torch.float32)' : 'torch.tensor(train_label_ids)'}
# opt = torch.optim.Adam(head.parameters(), lr=${head?.settings.learningRate ?? 0.05})
# for epoch in range(${head?.settings.epochs ?? 150}):
#     loss = ${regression ? 'nn.functional.mse_loss(head(X).squeeze(-1), y)' : 'nn.functional.cross_entropy(head(X), y)'}
#     opt.zero_grad(); loss.backward(); opt.step()

# Or wear the head exported from this page:
saved = json.load(open("custom-head.json"))
linears = [m for m in head.modules() if isinstance(m, nn.Linear)]
for layer, w in zip(linears, saved["layers"]):
    layer.weight.data = torch.tensor(w["weight"])  # [out, in], as PyTorch stores it
    layer.bias.data = torch.tensor(w["bias"])
with torch.no_grad():
    z = head(embed([${literal(text)}]))[0]
${regression ? 'print(saved["labels"][0], z.item())' : 'probs = z.softmax(-1)\nfor i in probs.argsort(descending=True).tolist():  # the top label first\n    print(saved["labels"][i], round(probs[i].item(), 4))'}
`,
  );
}

/** JavaScript: transformers.js feature extraction for h, then the head's maths by hand. */
export function jsSnippet(modelId: string, text: string, head: Head | undefined, dtype: string, device: string, hiddenSize?: number): string {
  const pooling = head?.encoder.pooling ?? 'mean';
  const width = head?.encoder.hiddenSize ?? hiddenSize;
  return `import { pipeline } from '@huggingface/transformers';

${jsDevice(device)}
const embed = await pipeline('feature-extraction', ${literal(modelId)}, ${jsOptions(dtype)});
// custom-head.json: the file this page exports (Export head), read from disk in Node or fetched in a browser.
const saved = typeof document === 'undefined'
  ? JSON.parse(await (await import('node:fs/promises')).readFile('custom-head.json', 'utf8'))
  : await (await fetch('custom-head.json')).json();

const output = await embed(${literal(text)}, { pooling: ${literal(pooling)}, normalize: true });
let x = Array.from(output.to('float32').data);  // h: ${width ?? "the encoder's width in"} numbers
for (const layer of saved.layers) {
  // nn.Linear: z[o] = b[o] + Σ_i W[o][i]·x[i]
  x = layer.weight.map((row, o) => row.reduce((s, w, i) => s + w * x[i], layer.bias[o]));
  if (layer.activation === 'relu') x = x.map((v) => Math.max(0, v));
}
${
  head?.task === 'regression'
    ? 'console.log(saved.labels[0], x[0]);'
    : `const m = Math.max(...x), e = x.map((v) => Math.exp(v - m)), sum = e.reduce((a, b) => a + b);
saved.labels
  .map((label, k) => [label, e[k] / sum])
  .sort((a, b) => b[1] - a[1]) // the top label first
  .forEach(([label, p]) => console.log(label, p.toFixed(4)));`
}
`;
}
