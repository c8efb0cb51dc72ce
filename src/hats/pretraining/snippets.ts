import { literal, noJsEquivalent } from '@/lib/snippets';
import { countMasks } from './masks';
import type { PretrainingParams } from './params';

/** One true token per mask, in order; '' where the person gave none. */
function trueTokens(p: PretrainingParams, mask: string): string[] {
  const n = countMasks(p.sentence_a, mask) + countMasks(p.sentence_b, mask);
  return Array.from({ length: n }, (_, i) => (p.labels[i] ?? '').trim());
}

export function pythonSnippet(modelId: string, p: PretrainingParams, mask: string): string {
  const truth = trueTokens(p, mask);
  const withLoss = truth.some(Boolean) && p.is_next !== '';
  const loss = withLoss
    ? `
# labels: the true token at each mask, -100 (ignored by the loss) everywhere else
true_tokens = [${truth.map((t) => (t ? literal(t) : 'None')).join(', ')}]
labels = torch.full_like(inputs.input_ids, -100)
labels[inputs.input_ids == tokenizer.mask_token_id] = torch.tensor(
    [tokenizer(t, add_special_tokens=False).input_ids[0] if t else -100 for t in true_tokens])
next_sentence_label = torch.tensor([${p.is_next === 'true' ? '0' : '1'}])  # 0 = IsNext, 1 = NotNext
with torch.no_grad():
    out = model(**inputs, labels=labels, next_sentence_label=next_sentence_label)
print("loss = L_MLM + L_NSP =", out.loss.item())
`
    : `
with torch.no_grad():
    out = model(**inputs)
# Pass labels=… (true token ids at the masks, -100 elsewhere) and next_sentence_label=… to get out.loss.
`;
  return `import torch
from transformers import AutoTokenizer, BertForPreTraining

model_id = ${literal(modelId)}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = BertForPreTraining.from_pretrained(model_id)

inputs = tokenizer(${literal(p.sentence_a)}, ${literal(p.sentence_b)}, return_tensors="pt")
${loss}
for pos in (inputs.input_ids[0] == tokenizer.mask_token_id).nonzero().flatten():
    best = out.prediction_logits[0, pos].argmax().item()  # prediction_logits: [1, seq_len, vocab_size]
    print(pos.item(), tokenizer.convert_ids_to_tokens(best))
print("IsNext, NotNext:", out.seq_relationship_logits.softmax(-1)[0].tolist())
`;
}

/** transformers.js has no class for this head: one plain sentence, and what to do instead. */
export function jsSnippet(): string {
  return noJsEquivalent('AutoModelForPreTraining', 'To run it yourself, use the Python snippet above: PyTorch reads this model.safetensors as it is. Or export the checkpoint to ONNX in Python and run that file with onnxruntime-web.');
}
