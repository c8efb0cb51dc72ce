import { literal, noJsEquivalent } from '@/lib/snippets';
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

/** transformers.js has no class for this head: one plain sentence, and what to do instead. */
export function jsSnippet(): string {
  return noJsEquivalent('AutoModelForMultipleChoice', 'To run it yourself, use the Python snippet above: PyTorch reads this model.safetensors as it is. Or export the checkpoint to ONNX in Python and run that file with onnxruntime-web.');
}
