import type { ExplainerProps } from '@/hats/types';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import { literal, pythonModelId } from '@/lib/snippets';
import type { MaskedLmParams } from './params';
import type { MaskedLmOutput } from './postprocess';

export default function Explainer({ params, facts, modelId, dtype, device }: ExplainerProps<MaskedLmParams, MaskedLmOutput>) {
  const h = facts?.hiddenSize ?? 'hidden';
  const v = facts?.vocabSize ?? 'vocab_size';
  const mask = facts?.maskToken ?? '[MASK]';
  const pyId = pythonModelId(modelId, facts?.sourceModel);
  const python = `import torch
from transformers import AutoTokenizer, AutoModelForMaskedLM

model_id = ${literal(pyId)}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForMaskedLM.from_pretrained(model_id)

text = ${literal(params.text.replace(/\[MASK\]|<mask>/g, mask))}.replace(${literal(mask)}, tokenizer.mask_token)
inputs = tokenizer(text, truncation=True, return_tensors="pt")
with torch.no_grad():
    logits = model(**inputs).logits  # [1, seq_len, vocab_size]
for pos in (inputs.input_ids[0] == tokenizer.mask_token_id).nonzero().flatten():
    probs = logits[0, pos].softmax(-1)
    top = probs.topk(${params.top_k})
    print([(tokenizer.convert_ids_to_tokens(int(i)), round(p.item(), 4)) for p, i in zip(top.values, top.indices)])
`;
  const javascript = `import { AutoTokenizer, AutoModelForMaskedLM, softmax } from '@huggingface/transformers';

const modelId = ${literal(modelId)};
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
const model = await AutoModelForMaskedLM.from_pretrained(modelId, { dtype: ${literal(dtype ?? 'q8')}, device: ${literal(device ?? 'wasm')} });

const inputs = tokenizer(${literal(params.text)}.replaceAll(${literal(mask)}, tokenizer.mask_token), { truncation: true });
const { logits } = await model(inputs); // dims [1, seq_len, vocab_size]
const ids = Array.from(inputs.input_ids.data, Number);
const vocab = [...tokenizer.get_vocab()].reduce((a, [t, i]) => ((a[i] = t), a), []);
ids.forEach((id, pos) => {
  if (id !== tokenizer.mask_token_id) return;
  const probs = softmax(Array.from(logits[0][pos].data));
  const top = probs.map((p, i) => [vocab[i], p]).sort((a, b) => b[1] - a[1]).slice(0, ${params.top_k});
  console.log(pos, top);
});
`;
  return (
    <ExplainerLayout
      head={
        <p>
          On top of {facts?.numLayers === 1 ? 'a single encoder layer' : `${facts?.numLayers ?? 'the'} encoder layers`} sits the prediction head: a transform{' '}
          <code>
            Linear({h} → {h}) + GELU + LayerNorm
          </code>
          , then a decoder <code>Linear({h} → {v})</code> that usually shares its weights with the input word embeddings. It
          scores every one of the {typeof v === 'number' ? v.toLocaleString() : v} vocabulary entries at every position:
          output shape <code>[batch, seq_len, {v}]</code>. The hat reads the rows at {mask} positions and applies a softmax.
        </p>
      }
      training={
        <p>
          Pretraining: take plain text, pick 15% of the tokens, replace most with {mask} (some with a random word, some left
          alone) and train the model to recover the originals with cross-entropy. No labels are needed, which is why BERT
          could learn from all of Wikipedia and thousands of books. The original BERT also learned next-sentence prediction
          at the same time.
        </p>
      }
      when={
        <p>
          Pick it to see what a model learned about language (and its biases), to fill blanks, or as the starting point for
          fine-tuning on a new domain. It guesses one blank from both sides; to write text left to right, a GPT-style hat
          fits better.
        </p>
      }
      note={facts?.sourceModel ? `Python loads the original weights (${facts.sourceModel}); the page runs the ONNX export.` : undefined}
      python={python}
      javascript={javascript}
    />
  );
}
