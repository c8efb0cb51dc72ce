import { jsDevice, jsOptions, literal, pythonSnippetFor } from '@/lib/snippets';
import type { CausalParams } from './params';

export function pythonSnippet(modelId: string, p: CausalParams): string {
  const sampling = p.temperature > 0;
  const prompt = p.text === '' ? 'tokenizer.bos_token' : literal(p.text);
  const decoding = sampling
    ? `do_sample=True, temperature=${p.temperature}, top_k=${p.top_k}, top_p=${p.top_p},`
    : 'do_sample=False,  # greedy: always the most likely token';
  return pythonSnippetFor(
    modelId,
    (header) => `import torch
from transformers import AutoTokenizer, AutoModelForCausalLM

${header}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)
${sampling ? `torch.manual_seed(${p.seed})  # PyTorch's generator differs from the page's: same settings, other draws\n` : ''}
inputs = tokenizer(${prompt}, return_tensors="pt")
out = model.generate(
    **inputs,
    max_new_tokens=${p.max_new_tokens},
    ${decoding}
    output_scores=True, return_dict_in_generate=True,  # the distribution at every step
    pad_token_id=tokenizer.eos_token_id,
)
new = out.sequences[0, inputs.input_ids.shape[1]:]
print(tokenizer.decode(new))
for step, scores in enumerate(out.scores):  # scores: logits after temperature/top-k/top-p
    top = scores[0].softmax(-1).topk(5)
    print(step + 1, [(tokenizer.decode(int(i)), round(float(p), 3)) for p, i in zip(top.values, top.indices)])
`,
  );
}

export function jsSnippet(modelId: string, p: CausalParams, dtype: string, device: string, modelFileName?: string): string {
  const sampling = p.temperature > 0;
  const layout = modelFileName ? `\n// This repo has the older export layout: onnx/${modelFileName}*.onnx, no onnx/model*.onnx.` : '';
  return `import { AutoTokenizer, AutoModelForCausalLM, Tensor } from '@huggingface/transformers';

const modelId = ${literal(modelId)};
${jsDevice(device)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);${layout}
const model = await AutoModelForCausalLM.from_pretrained(modelId, ${jsOptions(dtype, modelFileName ? { model_file_name: modelFileName } : {})});

// The page's own loop (not generate()), so every step's distribution can be shown.
const ids = tokenizer.encode(${literal(p.text)});${p.text === '' ? '\nids.push(tokenizer.bos_token_id); // empty prompt: start from the start token' : ''}
const int64 = (xs) => new Tensor('int64', BigInt64Array.from(xs, BigInt), [1, xs.length]);
let past = null, fed = 0;
${sampling ? `// mulberry32: a seeded generator, so the same seed gives the same text
let a = ${p.seed} >>> 0;
const random = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
` : ''}for (let step = 0; step < ${p.max_new_tokens}; step++) {
  const out = await model.forward({ input_ids: int64(ids.slice(fed)), attention_mask: int64(ids.map(() => 1)), past_key_values: past });
  fed = ids.length;
  past = Object.fromEntries(Object.entries(out).filter(([k]) => k.startsWith('present')).map(([k, t]) => [k.replace('present', 'past_key_values'), t]));
  const [, rows, vocab] = out.logits.dims;
  const logits = Array.from(out.logits.to('float32').data.slice((rows - 1) * vocab)); // fp16 weights answer in half precision
${
  sampling
    ? `  // temperature ${p.temperature}, then top-k ${p.top_k}, then top-p ${p.top_p}
  const max = Math.max(...logits);
  let probs = logits.map((z, i) => [i, Math.exp((z - max) / ${p.temperature})]).sort((x, y) => y[1] - x[1]);
  ${p.top_k > 0 ? `probs = probs.slice(0, ${p.top_k});` : '// top-k 0: no limit'}
  let total = probs.reduce((s, [, q]) => s + q, 0), cum = 0;
  probs = probs.filter(([, q]) => (cum += q / total) - q / total < ${p.top_p});
  total = probs.reduce((s, [, q]) => s + q, 0);
  let u = random() * total, next = probs.at(-1)[0];
  for (const [i, q] of probs) if ((u -= q) < 0) { next = i; break; }`
    : `  const next = logits.indexOf(Math.max(...logits)); // greedy`
}
  ids.push(next);
  if (next === tokenizer.eos_token_id) break;
}
console.log(tokenizer.decode(ids, { skip_special_tokens: true }));
`;
}
