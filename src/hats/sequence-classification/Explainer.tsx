import type { ExplainerProps } from '@/hats/types';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import { pythonNote } from '@/lib/snippets';
import type { ModelFacts } from '@/engine/protocol';
import type { SeqClsOutput } from './postprocess';
import type { SeqClsParams } from './params';
import { jsSnippet, pythonSnippet } from './snippets';

function HeadText({ facts }: { facts?: ModelFacts }) {
  if (!facts) return <p>Load a model to see its head with its own numbers.</p>;
  const h = facts.hiddenSize ?? 'hidden';
  const labels = facts.id2label ? Object.values(facts.id2label) : [];
  const n = labels.length || 'num_labels';
  const layerCount = facts.numLayers === 1 ? '1 encoder layer' : `${facts.numLayers ?? '?'} encoder layers`;
  // [1] MobileBERT keeps a wide body but runs attention in a bottleneck (true_hidden_size), and its config may turn the pooler off.
  const narrow = facts.attentionWidth !== undefined && facts.attentionWidth !== facts.hiddenSize ? `, attention narrowed to ${facts.attentionWidth} inside each layer` : '';
  const body = `${layerCount} of width ${h} (${facts.numHeads ?? '?'} attention heads each${narrow})`;
  const first = facts.modelType.includes('roberta') ? '<s>' : '[CLS]';
  const layers =
    facts.modelType === 'distilbert'
      ? `pre_classifier: Linear(${h} → ${h}) + ReLU, then classifier: Linear(${h} → ${n})`
      : facts.modelType.includes('roberta')
        ? `classifier.dense: Linear(${h} → ${h}) + tanh, then classifier.out_proj: Linear(${h} → ${n})`
        : facts.poolerActivation === false
          ? `classifier: Linear(${h} → ${n})`
          : `pooler: Linear(${h} → ${h}) + tanh, then classifier: Linear(${h} → ${n})`;
  return (
    <>
      <p>
        The body is {body}. The hat reads only the vector of the first token, <code>{first}</code>, which attention has let
        gather the whole text, and sends it through <code data-testid="explainer-head">{layers}</code>.
        {facts.poolerActivation === false && ' This config turns the pooler off (classifier_activation: false), so the vector goes to the classifier as it is.'}
      </p>
      <p className="mt-1">
        Output shape: <code>[batch, {n}]</code>, one logit per label
        {labels.length > 0 && (
          <>
            {' '}
            (<span data-testid="explainer-labels">{labels.join(', ')}</span>, read from this model&apos;s config)
          </>
        )}
        . {facts.problemType === 'multi_label_classification' ? 'Each logit goes through its own sigmoid.' : 'A softmax turns them into probabilities that sum to 1.'}
      </p>
    </>
  );
}

export default function Explainer({ params, facts, modelId, dtype, device }: ExplainerProps<SeqClsParams, SeqClsOutput>) {
  return (
    <ExplainerLayout
      head={<HeadText facts={facts} />}
      training={
        <p>
          Start from a pretrained encoder (masked-word training on lots of text), add the small head with random weights, then
          fine-tune everything on labelled examples (for sentiment, sentences marked positive or negative) with cross-entropy
          loss. Only a few thousand labelled examples are often enough, because the body already knows the language.
        </p>
      }
      when={
        <p>
          Pick it when one answer describes the whole input: sentiment, topic, spam, toxicity, or (with two sentences)
          whether one follows from the other. If you need an answer per word, wear the token classification hat instead.
        </p>
      }
      note={pythonNote(modelId, dtype)}
      python={pythonSnippet(modelId, params, facts)}
      javascript={jsSnippet(modelId, params, dtype ?? 'q8', device ?? 'wasm', facts)}
    />
  );
}
