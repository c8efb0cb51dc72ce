import type { ExplainerProps } from '@/hats/types';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import { pythonNote } from '@/lib/snippets';
import type { ModelFacts } from '@/engine/protocol';
import type { TokenClsParams } from './params';
import type { TokenClsOutput } from './postprocess';
import { jsSnippet, pythonSnippet } from './snippets';

function HeadText({ facts, labels }: { facts?: ModelFacts; labels: string[] }) {
  if (!facts) return <p>Load a model to see its head with its own numbers.</p>;
  const h = facts.hiddenSize ?? 'hidden';
  const n = labels.length || 'num_labels';
  const params = typeof h === 'number' && labels.length ? ` (${(h * labels.length + labels.length).toLocaleString()} weights)` : '';
  return (
    <>
      <p>
        The body ({facts.numLayers === 1 ? '1 encoder layer' : `${facts.numLayers ?? '?'} encoder layers`} of width {h}) gives every token a vector of {h} numbers that
        already mixes in the words around it. The head is just <code>classifier: Linear({h} → {n})</code>
        {params}, applied to each token&apos;s vector on its own, with no pooling.
      </p>
      <p className="mt-1">
        Output shape: <code>[batch, seq_len, {n}]</code>, one logit per label for every token. A softmax over each
        token&apos;s row gives its scores
        {labels.length > 0 && (
          <>
            {' '}
            over <span data-testid="explainer-labels">{labels.join(', ')}</span> (this model&apos;s config, in id order)
          </>
        )}
        .
      </p>
    </>
  );
}

export default function Explainer({ params, output, facts, modelId, dtype, device }: ExplainerProps<TokenClsParams, TokenClsOutput>) {
  const labels = output?.labels ?? (facts?.id2label ? Object.keys(facts.id2label).sort((a, b) => +a - +b).map((k) => facts.id2label![k]!) : []);
  return (
    <ExplainerLayout
      head={<HeadText facts={facts} labels={labels} />}
      training={
        <>
          <p>
            Named-entity recognition is trained on sentences where every word carries a BIO tag: <code>B-PER</code> for
            the first word of a person&apos;s name, <code>I-PER</code> for the words that continue it, <code>O</code> for
            words outside any entity. Two names side by side stay apart because the second starts with a B- again.
            The loss is cross-entropy at every position.
          </p>
          <p className="mt-1">
            The tokenizer then cuts rare words into pieces (<code>Annabel</code> → <code>Ann ##abel</code>), but the
            tags belong to words. Usually only the first piece of each word is trained (the others get the label -100,
            which the loss skips), so the other pieces&apos; tags are less trustworthy. That is why pieces need
            aggregating afterwards: <em>first</em> trusts the first piece, <em>average</em> and <em>max</em> let all
            pieces vote, <em>simple</em> just merges neighbours, <em>none</em> shows the raw tokens.
          </p>
        </>
      }
      when={
        <p>
          Pick it when you need an answer for every word rather than one for the whole text: names, places and
          organisations (NER), parts of speech, or your own word-level labels (ingredients in a recipe, symptoms in a
          note). To extract one answer span for a question, the question-answering hat fits better.
        </p>
      }
      note={pythonNote(modelId, dtype)}
      python={pythonSnippet(modelId, params)}
      javascript={jsSnippet(modelId, params, dtype ?? 'q8', device ?? 'wasm')}
    />
  );
}
