import { jsDevice, jsOptions, literal, pythonSnippetFor } from '@/lib/snippets';
import type { Strategy } from './aggregate';
import type { TokenClsParams } from './params';

export function pythonSnippet(modelId: string, p: TokenClsParams): string {
  return pythonSnippetFor(
    modelId,
    (header) => `import torch
from transformers import AutoTokenizer, AutoModelForTokenClassification, pipeline

${header}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForTokenClassification.from_pretrained(model_id)

text = ${literal(p.text)}
inputs = tokenizer(text, truncation=True, return_offsets_mapping=True, return_tensors="pt")
offsets = inputs.pop("offset_mapping")[0].tolist()
with torch.no_grad():
    logits = model(**inputs).logits  # [1, seq_len, num_labels]
probs = logits.softmax(-1)[0]
tokens = tokenizer.convert_ids_to_tokens(inputs["input_ids"][0])
for token, (start, end), p in zip(tokens, offsets, probs):
    best = int(p.argmax())
    print(f"{token:12} {text[start:end]!r:14} {model.config.id2label[best]:8} {p[best]:.4f}")

# The same entities as the page, merged with the chosen strategy:
ner = pipeline("token-classification", model=model, tokenizer=tokenizer, aggregation_strategy=${literal(p.aggregation)})
for entity in ner(text):
    print(entity)
`,
  );
}

const VOTES: Record<Exclude<Strategy, 'none' | 'simple'>, string> = {
  first: '(w) => w[0].probs',
  max: '(w) => w.reduce((a, b) => (Math.max(...b.probs) > Math.max(...a.probs) ? b : a)).probs',
  average: '(w) => w[0].probs.map((_, k) => w.reduce((s, t) => s + t.probs[k], 0) / w.length)',
};

function grouping(strategy: Strategy): string {
  if (strategy === 'none') {
    return `tokens.map((t) => ({ word: t.token, ...best(t.probs) })).filter((e) => e.label !== 'O').forEach((e) => console.log(e.label, e.word, e.score.toFixed(4)));\n`;
  }
  const tagged =
    strategy === 'simple'
      ? `const tagged = tokens.map((t) => ({ ids: [t.id], ...best(t.probs) }));`
      : `// One word = a token plus the "##" pieces after it; the word's label comes from ${strategy === 'first' ? 'its first piece' : strategy === 'max' ? 'its most confident piece' : 'the average of its pieces'}.
const words = [];
for (const t of tokens) t.token.startsWith('##') && words.length ? words.at(-1).push(t) : words.push([t]);
const vote = ${VOTES[strategy]};
const tagged = words.map((w) => ({ ids: w.map((t) => t.id), ...best(vote(w)) }));`;
  return `${tagged}
// Group like Python: same type and not a B- joins the open entity.
const type = (l) => (l.startsWith('B-') || l.startsWith('I-') ? l.slice(2) : l);
const groups = [];
for (const e of tagged) {
  const open = groups.at(-1);
  if (open && type(e.label) === type(open.at(-1).label) && !e.label.startsWith('B-')) open.push(e);
  else groups.push([e]);
}
const entities = groups.map((g) => ({
  entity_group: g[0].label.includes('-') ? g[0].label.slice(g[0].label.indexOf('-') + 1) : g[0].label,
  score: g.reduce((s, e) => s + e.score, 0) / g.length,
  word: tokenizer.decode(g.flatMap((e) => e.ids)),
}));
entities.filter((e) => e.entity_group !== 'O').forEach((e) => console.log(e.entity_group, e.word, e.score.toFixed(4)));
`;
}

export function jsSnippet(modelId: string, p: TokenClsParams, dtype: string, device: string): string {
  return `import { AutoTokenizer, AutoModelForTokenClassification, softmax } from '@huggingface/transformers';

const modelId = ${literal(modelId)};
${jsDevice(device)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
const model = await AutoModelForTokenClassification.from_pretrained(modelId, ${jsOptions(dtype)});

const inputs = tokenizer(${literal(p.text)}, { truncation: true });
const logits = (await model(inputs)).logits.to('float32'); // dims [1, seq_len, num_labels]; fp16 weights answer in half precision
const ids = Array.from(inputs.input_ids.data, Number);
const vocab = [...tokenizer.get_vocab()].reduce((a, [t, i]) => ((a[i] = t), a), []);
// [CLS], [SEP] and padding carry no word; [UNK] does (a word the vocabulary cannot spell), so it keeps its tag.
const special = new Set(tokenizer.all_special_ids.filter((id) => id !== tokenizer.unk_token_id));
const tokens = ids
  .map((id, i) => ({ id, token: vocab[id], probs: softmax(Array.from(logits[0][i].data)) }))
  .filter((t) => !special.has(t.id));
const best = (probs) => {
  const k = probs.indexOf(Math.max(...probs));
  return { label: model.config.id2label[k], score: probs[k] };
};
${grouping(p.aggregation)}`;
}
