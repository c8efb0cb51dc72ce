import { jsDevice, jsOptions, literal, pythonSnippetFor } from '@/lib/snippets';
import type { ModelFacts } from '@/engine/protocol';
import type { BaseModelParams } from './params';

function sentences(p: BaseModelParams): string {
  return `[${[p.text, ...(p.text_pair.trim() ? [p.text_pair] : [])].map(literal).join(', ')}]`;
}

export function pythonSnippet(modelId: string, p: BaseModelParams, facts?: ModelFacts): string {
  const pair = p.text_pair.trim()
    ? `print("sentence cosine:", F.cosine_similarity(mean[0], mean[1], dim=0).item())\n`
    : '';
  return pythonSnippetFor(
    modelId,
    (header) => `import torch
import torch.nn.functional as F
from transformers import AutoTokenizer, AutoModel
from sklearn.decomposition import PCA

${header}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModel.from_pretrained(model_id)  # the body only: no head

sentences = ${sentences(p)}
inputs = tokenizer(sentences, padding=True, truncation=True, return_tensors="pt")
with torch.no_grad():
    hidden = model(**inputs).last_hidden_state  # [batch, seq, ${facts?.hiddenSize ?? 'hidden'}]

mask = inputs.attention_mask.unsqueeze(-1).float()  # 1 = real token, 0 = padding
mean = (hidden * mask).sum(1) / mask.sum(1)  # mean pooling, padding left out
cls = hidden[:, 0]  # the first token's vector
print("text mean:", [round(x, 3) for x in mean[0, :6].tolist()])
${pair}
n = int(inputs.attention_mask[0].sum())
tokens = F.normalize(hidden[0, :n], dim=-1)
print("token x token cosine:", tokens @ tokens.T)
print("2-D PCA of the tokens:", PCA(n_components=2).fit_transform(hidden[0, :n].numpy()))
`,
  );
}

export function jsSnippet(modelId: string, p: BaseModelParams, dtype: string, device: string): string {
  const pair = p.text_pair.trim() ? `console.log('sentence cosine:', cos_sim(mean[0], mean[1]).toFixed(3));\n` : '';
  return `import { AutoTokenizer, AutoModel, mean_pooling, cos_sim } from '@huggingface/transformers';

const modelId = ${literal(modelId)};
${jsDevice(device)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
const model = await AutoModel.from_pretrained(modelId, ${jsOptions(dtype)});

const sentences = ${sentences(p)};
const inputs = tokenizer(sentences, { padding: true, truncation: true });
const hidden = (await model(inputs)).last_hidden_state.to('float32'); // dims [batch, seq, hidden]; fp16 weights answer in half precision
console.log(hidden.dims);

// Mean pooling with the attention mask (the feature-extraction pipeline's pooling: 'mean').
const mean = mean_pooling(hidden, inputs.attention_mask).tolist();
const cls = hidden.tolist().map((rows) => rows[0]); // first-token vectors
console.log('text mean:', mean[0].slice(0, 6).map((x) => x.toFixed(3)).join(', '));
${pair}`;
}
