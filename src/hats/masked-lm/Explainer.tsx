import type { ExplainerProps } from '@/hats/types';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import { pythonNote } from '@/lib/snippets';
import type { MaskedLmParams } from './params';
import type { MaskedLmOutput } from './postprocess';
import { jsSnippet, pythonSnippet } from './snippets';

export default function Explainer({ params, facts, modelId, dtype, device }: ExplainerProps<MaskedLmParams, MaskedLmOutput>) {
  const h = facts?.hiddenSize ?? 'hidden';
  const v = facts?.vocabSize ?? 'vocab_size';
  const mask = facts?.maskToken ?? '[MASK]';
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
      note={pythonNote(modelId, dtype)}
      python={pythonSnippet(modelId, params, mask)}
      javascript={jsSnippet(modelId, params, mask, dtype ?? 'q8', device ?? 'wasm')}
    />
  );
}
