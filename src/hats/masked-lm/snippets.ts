import { jsDevice, jsOptions, literal, pythonSnippetFor } from '@/lib/snippets';
import type { MaskedLmParams } from './params';

/** The person's text with the model's own mask token wherever they typed [MASK] or <mask>. */
const withMask = (p: MaskedLmParams, mask: string) => p.text.replace(/\[MASK\]|<mask>/g, mask);

export function pythonSnippet(modelId: string, p: MaskedLmParams, mask: string): string {
  return pythonSnippetFor(
    modelId,
    (header) => `import torch
from transformers import AutoTokenizer, AutoModelForMaskedLM

${header}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForMaskedLM.from_pretrained(model_id)

text = ${literal(withMask(p, mask))}.replace(${literal(mask)}, tokenizer.mask_token)
inputs = tokenizer(text, truncation=True, return_tensors="pt")
with torch.no_grad():
    logits = model(**inputs).logits  # [1, seq_len, vocab_size]
masks = (inputs.input_ids[0] == tokenizer.mask_token_id).nonzero().flatten().tolist()
for n, pos in enumerate(masks):
    top = logits[0, pos].softmax(-1).topk(${p.top_k})
    print(f"mask {n + 1}:", ", ".join(f"{tokenizer.decode(int(i)).strip()} {p:.4f}" for p, i in zip(top.values.tolist(), top.indices)))
`,
  );
}

export function jsSnippet(modelId: string, p: MaskedLmParams, mask: string, dtype: string, device: string): string {
  return `import { AutoTokenizer, AutoModelForMaskedLM, softmax } from '@huggingface/transformers';

const modelId = ${literal(modelId)};
${jsDevice(device)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
const model = await AutoModelForMaskedLM.from_pretrained(modelId, ${jsOptions(dtype)});

const inputs = tokenizer(${literal(withMask(p, mask))}.replaceAll(${literal(mask)}, tokenizer.mask_token), { truncation: true });
const logits = (await model(inputs)).logits.to('float32'); // dims [1, seq_len, vocab_size]; fp16 weights answer in half precision
const ids = Array.from(inputs.input_ids.data, Number);
const masks = ids.flatMap((id, pos) => (id === tokenizer.mask_token_id ? [pos] : []));
masks.forEach((pos, n) => {
  const probs = softmax(Array.from(logits[0][pos].data));
  const top = probs.map((p, i) => [i, p]).sort((a, b) => b[1] - a[1]).slice(0, ${p.top_k});
  console.log(\`mask \${n + 1}:\`, top.map(([i, p]) => \`\${tokenizer.decode([i]).trim()} \${p.toFixed(4)}\`).join(', '));
});
`;
}
