import { jsDevice, jsOptions, literal, pythonSnippetFor } from '@/lib/snippets';
import type { ModelFacts } from '@/engine/protocol';
import type { SeqClsParams } from './params';

export function pythonSnippet(modelId: string, p: SeqClsParams, facts?: ModelFacts): string {
  const pair = p.text_pair.trim() ? `, ${literal(p.text_pair)}` : '';
  const act = facts?.problemType === 'multi_label_classification' ? 'logits.sigmoid()[0]' : 'logits.softmax(-1)[0]';
  return pythonSnippetFor(
    modelId,
    (header) => `import torch
from transformers import AutoTokenizer, AutoModelForSequenceClassification

${header}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForSequenceClassification.from_pretrained(model_id)

inputs = tokenizer(${literal(p.text)}${pair}, truncation=True, return_tensors="pt")
with torch.no_grad():
    logits = model(**inputs).logits  # shape [1, num_labels]
probs = ${act}
for i in probs.argsort(descending=True).tolist():  # the top label first
    print(model.config.id2label[i], round(probs[i].item(), 4))
`,
  );
}

export function jsSnippet(modelId: string, p: SeqClsParams, dtype: string, device: string, facts?: ModelFacts): string {
  const pair = p.text_pair.trim() ? literal(p.text_pair) : 'null';
  const act =
    facts?.problemType === 'multi_label_classification'
      ? 'const probs = scores.map((x) => 1 / (1 + Math.exp(-x))); // one sigmoid per label'
      : 'const probs = softmax(scores);';
  return `import { AutoTokenizer, AutoModelForSequenceClassification, softmax } from '@huggingface/transformers';

const modelId = ${literal(modelId)};
${jsDevice(device)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
const model = await AutoModelForSequenceClassification.from_pretrained(modelId, ${jsOptions(dtype)});

const inputs = tokenizer(${literal(p.text)}, { text_pair: ${pair}, truncation: true });
const { logits } = await model(inputs); // dims [1, num_labels]
const scores = Array.from(logits.to('float32').data); // fp16 weights answer in half precision
${act}
probs
  .map((p, i) => [model.config.id2label[i], p])
  .sort((a, b) => b[1] - a[1]) // the top label first
  .forEach(([label, p]) => console.log(label, p.toFixed(4)));
`;
}
