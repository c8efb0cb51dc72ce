import { checkpointLoaderSnippet, literal } from '@/lib/snippets';
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

/** How the page itself does it: there is no transformers.js class to call. */
export function jsSnippet(modelId: string, p: MultipleChoiceParams, dtype: string): string {
  return `${checkpointLoaderSnippet('AutoModelForMultipleChoice', modelId, { exportName: 'multipleChoiceHead', path: './hats/multiple-choice/head' }, 'pooler + classifier Linear(hidden → 1)', dtype)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
const context = ${literal(p.context)};
const choices = [${p.choices.map(literal).join(', ')}];
// (For pairs longer than the model's window the page trims the longer sentence first, as Python does.)
const pairs = choices.map((choice) => tokenizer(context, { text_pair: choice, return_tensor: false }));
const width = Math.max(...pairs.map((e) => e.input_ids.length));
const feed = (key, pad) => new ort.Tensor('int64',
  BigInt64Array.from(pairs.flatMap((e) => [...e[key], ...Array(width - e[key].length).fill(pad)]), BigInt), [pairs.length, width]);
const { logits } = await session.run({
  input_ids: feed('input_ids', tokenizer.pad_token_id), attention_mask: feed('attention_mask', 0), token_type_ids: feed('token_type_ids', 0),
});
const scores = Array.from(logits.data); // [num_choices, 1]: one score per (context, choice) pair
const exps = scores.map((s) => Math.exp(s - Math.max(...scores)));
const probs = exps.map((e) => e / exps.reduce((a, b) => a + b, 0)); // softmax across the choices
choices.forEach((choice, i) => console.log(probs[i].toFixed(4), choice));
`;
}
