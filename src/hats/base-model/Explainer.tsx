import type { ExplainerProps } from '@/hats/types';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import { pythonNote } from '@/lib/snippets';
import type { ModelFacts } from '@/engine/protocol';
import type { BaseModelOutput } from './postprocess';
import type { BaseModelParams } from './params';
import { jsSnippet, pythonSnippet } from './snippets';

function NoHead({ facts, output }: { facts?: ModelFacts; output?: BaseModelOutput }) {
  const h = facts?.hiddenSize ?? 'hidden';
  const seq = output ? output.batchLength : 'seq';
  const batch = output ? output.sentences.length : 'batch';
  return (
    <>
      <p>
        None: this hat is the bare body.{' '}
        {facts ? (
          <>
            This one is {facts.numLayers === 1 ? '1 encoder layer' : `${facts.numLayers ?? '?'} encoder layers`} of width {h} with{' '}
            {facts.numHeads ?? '?'} attention heads each, reading at most {facts.maxLength} tokens.
          </>
        ) : (
          'Load a model to see its own numbers.'
        )}{' '}
        Its output is <code>last_hidden_state</code> with shape{' '}
        <code data-testid="explainer-shape">
          [{batch}, {seq}, {h}]
        </code>
        : for every sentence in the batch and every token, {h} numbers that describe the token in its context.
      </p>
      <p className="mt-1">
        Every other hat is this body plus a small head. To make your own: pool the tokens into one vector (the first
        token&apos;s, or the attention-masked mean) and add a linear layer, <code>Linear({h} → num_labels)</code>, then
        fine-tune. Or use the pooled vectors as they are: embeddings for search, clustering or deduplication, compared by
        cosine similarity.
      </p>
    </>
  );
}

export default function Explainer({ params, output, facts, modelId, dtype, device }: ExplainerProps<BaseModelParams, BaseModelOutput>) {
  return (
    <ExplainerLayout
      head={<NoHead facts={facts} output={output} />}
      training={
        <p>
          The body is pretrained without labels: BERT-style models learn to guess masked words (the original BERT also
          whether sentence B follows sentence A), which teaches them grammar and meaning in context. Embedding models such as
          all-MiniLM-L6-v2 or BGE are then trained further on pairs of related texts (contrastive learning: pull matching
          pairs together, push the rest apart), so that the cosine of their pooled vectors measures similarity. A body
          that only did masked-word training gives weaker sentence vectors.
        </p>
      }
      when={
        <p>
          Pick it when no published head fits: for semantic search and clustering (embed once, compare by cosine), as
          features for a classifier of your own (logistic regression on the pooled vector), or to build and fine-tune your
          own head. If a head for your task exists, its hat will do better out of the box.
        </p>
      }
      note={pythonNote(modelId, dtype)}
      python={pythonSnippet(modelId, params, facts)}
      javascript={jsSnippet(modelId, params, dtype ?? 'q8', device ?? 'wasm')}
    />
  );
}
