import { jsDevice, jsOptions, literal, pythonSnippetFor } from '@/lib/snippets';
import type { QaParams } from './params';
import { MAX_ANSWER_TOKENS, TOP_K } from './postprocess';

export interface WindowSettings {
  windowLength: number;
  stride: number;
}

export function pythonSnippet(modelId: string, p: QaParams, w: WindowSettings): string {
  return pythonSnippetFor(
    modelId,
    (header) => `import torch
from transformers import AutoTokenizer, AutoModelForQuestionAnswering

${header}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForQuestionAnswering.from_pretrained(model_id)

question = ${literal(p.question)}
context = ${literal(p.context)}
# Long contexts become overlapping windows of ${w.windowLength} tokens, ${w.stride} tokens of overlap.
enc = tokenizer(question, context, truncation="only_second", max_length=${w.windowLength}, stride=${w.stride},
                return_overflowing_tokens=True, return_offsets_mapping=True, padding=True, return_tensors="pt")
offsets = enc.pop("offset_mapping")
enc.pop("overflow_to_sample_mapping")
with torch.no_grad():
    out = model(**enc)  # start_logits, end_logits: [windows, seq_len]

spans, null = [], 1.0
for w in range(out.start_logits.shape[0]):
    in_context = torch.tensor([s == 1 for s in enc.sequence_ids(w)])
    keep = in_context.clone()
    keep[0] = True  # [CLS] stays in the softmax: it is the "no answer" slot
    p_start = out.start_logits[w].masked_fill(~keep, -1e4).softmax(-1)
    p_end = out.end_logits[w].masked_fill(~keep, -1e4).softmax(-1)
    null = min(null, (p_start[0] * p_end[0]).item())
    scores = (p_start[:, None] * p_end[None, :]).triu().tril(${MAX_ANSWER_TOKENS - 1})  # end >= start, <= ${MAX_ANSWER_TOKENS} tokens
    scores[~in_context, :] = 0
    scores[:, ~in_context] = 0
    for flat in scores.flatten().topk(${TOP_K}).indices.tolist():
        s, e = divmod(flat, scores.shape[1])
        if scores[s, e] == 0:
            continue
        start, end = offsets[w][s][0].item(), offsets[w][e][1].item()
        spans.append((scores[s, e].item(), context[start:end], start, end))

for score, text, start, end in sorted(spans, reverse=True)[:${TOP_K}]:
    print(round(score, 4), repr(text), start, end)
print("no answer:", round(null, 4))
# transformers' question-answering pipeline does the same in one call (it too keeps [CLS] as the "no answer" slot):
# from transformers import pipeline
# pipeline("question-answering", model=model_id)(question=question, context=context, top_k=${TOP_K},
#     max_answer_len=${MAX_ANSWER_TOKENS}, handle_impossible_answer=True, max_seq_len=${w.windowLength}, doc_stride=${w.stride})
`,
  );
}

export function jsSnippet(modelId: string, p: QaParams, dtype: string, device: string): string {
  return `import { AutoTokenizer, AutoModelForQuestionAnswering, softmax } from '@huggingface/transformers';

const modelId = ${literal(modelId)};
${jsDevice(device)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
const model = await AutoModelForQuestionAnswering.from_pretrained(modelId, ${jsOptions(dtype)});

const question = ${literal(p.question)};
const context = ${literal(p.context)};
// One window only: this reads the first window of a long context (the page slides over all of them).
const inputs = tokenizer(question, { text_pair: context, truncation: true });
const { start_logits, end_logits } = await model(inputs); // dims [1, seq_len] each

const ids = Array.from(inputs.input_ids.data, Number);
const firstSep = ids.indexOf(tokenizer.sep_token_id);
const inContext = ids.map((id, i) => i > firstSep && id !== tokenizer.sep_token_id);
// [CLS] (position 0) stays in the softmax: both ends on it is the "no answer" score. fp16 weights answer in half precision.
const mask = (logits) => Array.from(logits.to('float32').data, (v, i) => (inContext[i] || i === 0 ? v : -1e4));
const pStart = softmax(mask(start_logits));
const pEnd = softmax(mask(end_logits));

let best = { score: 0, s: 0, e: 0 };
for (let s = 0; s < ids.length; s++) {
  for (let e = s; e < Math.min(ids.length, s + ${MAX_ANSWER_TOKENS}); e++) {
    if (inContext[s] && inContext[e] && pStart[s] * pEnd[e] > best.score) best = { score: pStart[s] * pEnd[e], s, e };
  }
}
// transformers.js gives no character offsets: decode the tokens (the page maps them back to the text itself).
console.log(tokenizer.decode(ids.slice(best.s, best.e + 1)), best.score.toFixed(4));
console.log('no answer:', (pStart[0] * pEnd[0]).toFixed(4));
`;
}
