import { checkpointLoaderSnippet, literal } from '@/lib/snippets';
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

/** How the page itself does it: there is no transformers.js class to call. */
export function jsSnippet(modelId: string, p: NspParams, dtype: string): string {
  return `${checkpointLoaderSnippet('AutoModelForNextSentencePrediction', modelId, { exportName: 'nspHead', path: './hats/next-sentence-prediction/head' }, 'pooler + cls.seq_relationship Linear(hidden → 2)', dtype)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
// (For a pair longer than the model's window the page trims the longer sentence first, as Python does.)
const e = tokenizer(${literal(p.sentence_a)}, { text_pair: ${literal(p.sentence_b)}, return_tensor: false });
const feed = (ids) => new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]);
const { logits } = await session.run({
  input_ids: feed(e.input_ids), attention_mask: feed(e.attention_mask), token_type_ids: feed(e.token_type_ids),
});
const [isNext, notNext] = logits.data; // index 0 IsNext, 1 NotNext, as BERT was pretrained
const pIsNext = 1 / (1 + Math.exp(notNext - isNext)); // softmax over two scores
console.log('IsNext', pIsNext.toFixed(4), 'NotNext', (1 - pIsNext).toFixed(4));
`;
}
