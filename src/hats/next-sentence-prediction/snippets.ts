import { literal, noJsEquivalent } from '@/lib/snippets';
import type { NspParams } from './params';

export function pythonSnippet(modelId: string, p: NspParams): string {
  return `import torch
from transformers import AutoTokenizer, BertForNextSentencePrediction

model_id = ${literal(modelId)}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = BertForNextSentencePrediction.from_pretrained(model_id)

inputs = tokenizer(${literal(p.sentence_a)}, ${literal(p.sentence_b)}, truncation=True, return_tensors="pt")
with torch.no_grad():
    logits = model(**inputs).logits  # [1, 2]: index 0 IsNext, 1 NotNext
is_next, not_next = logits.softmax(-1)[0].tolist()
print("IsNext", round(is_next, 4), "NotNext", round(not_next, 4))
`;
}

/** transformers.js has no class for this head: one plain sentence, and what to do instead. */
export function jsSnippet(): string {
  return noJsEquivalent('AutoModelForNextSentencePrediction', 'To run it yourself, use the Python snippet above: PyTorch reads this model.safetensors as it is. Or export the checkpoint to ONNX in Python and run that file with onnxruntime-web.');
}
