import { literal, pythonModelId } from '@/lib/snippets';
import type { Head } from './types';

/** Python: the same head as nn.Linear on sentence-transformers embeddings, trained and then loaded from the exported file. */
export function pythonSnippet(modelId: string, text: string, head: Head | undefined, sourceModel?: string): string {
  const d = head?.encoder.hiddenSize ?? 384;
  const k = head ? head.layers[head.layers.length - 1]?.outSize ?? 2 : 3;
  const mlp = head?.layers.length === 2;
  const regression = head?.task === 'regression';
  const layers = mlp
    ? `nn.Sequential(nn.Linear(${d}, ${head?.layers[0]?.outSize}), nn.ReLU(), nn.Linear(${head?.layers[0]?.outSize}, ${k}))`
    : `nn.Linear(${d}, ${k})`;
  const pooling = head?.encoder.pooling === 'cls' ? '  # this encoder is read with CLS pooling' : '';
  return `import json, torch
from torch import nn
from sentence_transformers import SentenceTransformer

encoder = SentenceTransformer(${literal(pythonModelId(modelId, sourceModel))})${pooling}
def embed(texts):  # frozen: no gradients ever reach the encoder
    return torch.tensor(encoder.encode(texts, normalize_embeddings=True))

head = ${layers}  # the only weights that learn
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
${regression ? 'print(saved["labels"][0], z.item())' : 'print(dict(zip(saved["labels"], z.softmax(-1).tolist())))'}
`;
}

/** JavaScript: transformers.js feature extraction for h, then the head's maths by hand. */
export function jsSnippet(modelId: string, text: string, head: Head | undefined, dtype: string, device: string): string {
  const pooling = head?.encoder.pooling ?? 'mean';
  return `import { pipeline } from '@huggingface/transformers';

const embed = await pipeline('feature-extraction', ${literal(modelId)}, { dtype: ${literal(dtype)}, device: ${literal(device)} });
const saved = await (await fetch('custom-head.json')).json();  // the file this page exports

const output = await embed(${literal(text)}, { pooling: ${literal(pooling)}, normalize: true });
let x = Array.from(output.data);  // h: ${head?.encoder.hiddenSize ?? 384} numbers
for (const layer of saved.layers) {
  // nn.Linear: z[o] = b[o] + Σ_i W[o][i]·x[i]
  x = layer.weight.map((row, o) => row.reduce((s, w, i) => s + w * x[i], layer.bias[o]));
  if (layer.activation === 'relu') x = x.map((v) => Math.max(0, v));
}
${
  head?.task === 'regression'
    ? 'console.log(saved.labels[0], x[0]);'
    : `const m = Math.max(...x), e = x.map((v) => Math.exp(v - m)), sum = e.reduce((a, b) => a + b);
console.log(Object.fromEntries(saved.labels.map((label, k) => [label, e[k] / sum])));`
}
`;
}
