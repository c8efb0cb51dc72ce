import { checkpointLoaderSnippet, literal } from '@/lib/snippets';
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

/** How the page itself does it: there is no transformers.js class to call. */
export function jsSnippet(modelId: string, p: PretrainingParams, mask: string, dtype: string): string {
  const truth = trueTokens(p, mask);
  return `${checkpointLoaderSnippet('AutoModelForPreTraining', modelId, { exportName: 'pretrainingHead', path: './hats/pretraining/head' }, 'cls.predictions (tied decoder) + cls.seq_relationship', dtype)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
// (For a pair longer than the model's window the page trims the longer sentence first, as Python does.)
const e = tokenizer(${literal(p.sentence_a)}, { text_pair: ${literal(p.sentence_b)}, return_tensor: false });
const feed = (ids) => new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]);
const out = await session.run({
  input_ids: feed(e.input_ids), attention_mask: feed(e.attention_mask), token_type_ids: feed(e.token_type_ids),
});
// −log softmax(row)[i], the cross-entropy of one prediction
const nll = (row, i) => { const m = Math.max(...row); return m + Math.log(row.reduce((s, x) => s + Math.exp(x - m), 0)) - row[i]; };
const V = out.prediction_logits.dims[2]; // prediction_logits: [1, seq_len, vocab_size]
const masks = e.input_ids.flatMap((id, pos) => (id === tokenizer.mask_token_id ? [pos] : []));
const trueTokens = [${truth.map((t) => literal(t)).join(', ')}];
const terms = [];
masks.forEach((pos, n) => {
  const row = Array.from(out.prediction_logits.data.subarray(pos * V, (pos + 1) * V));
  console.log('mask', n + 1, 'best guess', tokenizer.decode([row.indexOf(Math.max(...row))]));
  if (trueTokens[n]) terms.push(nll(row, tokenizer(trueTokens[n], { add_special_tokens: false, return_tensor: false }).input_ids[0]));
});
const seq = Array.from(out.seq_relationship_logits.data); // [IsNext, NotNext]
const mlm = terms.reduce((a, b) => a + b, 0) / terms.length; // mean over the masks with a true token
const nsp = nll(seq, ${p.is_next === 'false' ? '1' : '0'}); // true class: ${p.is_next === 'false' ? 'NotNext' : 'IsNext'}
console.log({ mlm, nsp, loss: mlm + nsp });
`;
}
