import type { ExplainerProps } from '@/hats/types';
import { CheckpointWeights } from '@/components/CheckpointWeights';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import type { NspParams } from './params';
import { jsSnippet, pythonSnippet } from './snippets';
import type { NspOutput } from './verdict';

export default function Explainer({ params, output, facts, modelId }: ExplainerProps<NspParams, NspOutput>) {
  const h = facts?.hiddenSize ?? 'hidden';
  const layers = facts?.numLayers === 1 ? '1 encoder layer' : `${facts?.numLayers ?? 'the'} encoder layers`;
  return (
    <ExplainerLayout
      head={
        <>
          <p>
            The pair is read as <code>[CLS] A [SEP] B [SEP]</code>, with segment id 0 on A and 1 on B, through {layers}{' '}
            of width {h}. The <code>[CLS]</code> vector goes through the pooler, <code>Linear({h} → {h}) + tanh</code>, then{' '}
            <code>cls.seq_relationship</code>, <code>Linear({h} → 2)</code>. Both were trained together in pretraining, the pooler for this very task: two scores, IsNext and NotNext, output shape <code>[1, 2]</code>. A
            softmax over the two gives the probabilities.
          </p>
          <CheckpointWeights provenance={output?.provenance} />
        </>
      }
      training={
        <p>
          This head is a leftover of pretraining, not a fine-tuning: BERT packed each side of a pair with a span of text (one or more whole
          sentences, up to 512 tokens for the pair), and for half of the training pairs B was the span that really came next in the book or
          article, for the other half a random span from another document; the “sentences” of the task&apos;s name are these spans. Cross-entropy on IsNext/NotNext was added to the masked-word
          loss (see the pretraining hat). Later models such as RoBERTa dropped the task, finding it helped little, so their checkpoints have no such
          head.
        </p>
      }
      when={
        <p>
          Pick it to see what BERT learned about how texts continue: coherence, topic changes, a reply that fits. Try the shuffle button to turn a
          real pair into a random one. For trained sentence-pair labels such as entailment, a fine-tuned sequence-classification model is the better
          tool.
        </p>
      }
      note={`transformers.js has no next-sentence class and the ONNX exports of BERT leave this head out, so the page reads ${modelId}'s own model.safetensors and builds the graph itself; Python loads the same weights.`}
      python={pythonSnippet(modelId, params)}
      javascript={jsSnippet()}
    />
  );
}
