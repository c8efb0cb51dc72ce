import { literal, pythonModelId } from '@/lib/snippets';
import type { ModelFacts } from '@/engine/protocol';
import type { SeqClsParams } from './params';

export function pythonSnippet(modelId: string, p: SeqClsParams, facts?: ModelFacts): string {
  const id = pythonModelId(modelId, facts?.sourceModel);
  const pair = p.text_pair.trim() ? `, ${literal(p.text_pair)}` : '';
  const act = facts?.problemType === 'multi_label_classification' ? 'logits.sigmoid()[0]' : 'logits.softmax(-1)[0]';
  return `import torch
from transformers import AutoTokenizer, AutoModelForSequenceClassification

model_id = ${literal(id)}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForSequenceClassification.from_pretrained(model_id)

inputs = tokenizer(${literal(p.text)}${pair}, truncation=True, return_tensors="pt")
with torch.no_grad():
    logits = model(**inputs).logits  # shape [1, num_labels]
probs = ${act}
for i, p in enumerate(probs.tolist()):
    print(model.config.id2label[i], round(p, 4))
`;
}

export function jsSnippet(modelId: string, p: SeqClsParams, dtype: string, device: string, facts?: ModelFacts): string {
  const pair = p.text_pair.trim() ? literal(p.text_pair) : 'null';
  const act =
    facts?.problemType === 'multi_label_classification'
      ? 'const probs = Array.from(logits.data, (x) => 1 / (1 + Math.exp(-x)));'
      : 'const probs = softmax(Array.from(logits.data));';
  return `import { AutoTokenizer, AutoModelForSequenceClassification, softmax } from '@huggingface/transformers';

const modelId = ${literal(modelId)};
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
const model = await AutoModelForSequenceClassification.from_pretrained(modelId, { dtype: ${literal(dtype)}, device: ${literal(device)} });

const inputs = tokenizer(${literal(p.text)}, { text_pair: ${pair}, truncation: true });
const { logits } = await model(inputs); // dims [1, num_labels]
${act}
probs.forEach((p, i) => console.log(model.config.id2label[i], p.toFixed(4)));
`;
}
