import type { ExplainerProps } from '@/hats/types';
import { CheckpointWeights } from '@/components/CheckpointWeights';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import type { MultipleChoiceParams } from './params';
import type { MultipleChoiceOutput } from './scores';
import { jsSnippet, pythonSnippet } from './snippets';

export default function Explainer({ params, output, facts, modelId }: ExplainerProps<MultipleChoiceParams, MultipleChoiceOutput>) {
  const h = facts?.hiddenSize ?? 'hidden';
  const layers = facts?.numLayers === 1 ? '1 encoder layer' : `${facts?.numLayers ?? 'the'} encoder layers`;
  const n = params.choices.length;
  return (
    <ExplainerLayout
      head={
        <>
          <p>
            Each choice is paired with the context and read by the whole encoder ({layers} of width {h}). The pair&apos;s{' '}
            <code>[CLS]</code> vector goes through the pooler, <code>Linear({h} → {h}) + tanh</code>, then the classifier,{' '}
            <code>Linear({h} → 1)</code>: one score per pair. With {n} choices the head returns <code>[1, {n}]</code> scores and a softmax across them
            picks the winner. The classifier is tiny ({typeof h === 'number' ? `${h + 1} numbers` : 'hidden + 1 numbers'}); what it can tell apart
            comes from the encoder.
          </p>
          <CheckpointWeights provenance={output?.provenance} />
        </>
      }
      training={
        <p>
          A multiple-choice model starts from a pretrained encoder and learns the head on questions with one right answer among several, for
          example SWAG (113,000 video captions, each with four possible next events). All endings of a question are scored, the softmax across
          them is compared with the right one by cross-entropy, and every weight, the encoder&apos;s too, is nudged.
        </p>
      }
      when={
        <p>
          Pick it when the candidates are given and one must be chosen: exam questions, story endings, common-sense reasoning. It only ranks what
          you offer; to find an answer inside a passage wear the question-answering hat, for one label per text the sequence-classification hat.
        </p>
      }
      note={`transformers.js has no multiple-choice class and ${modelId} has no ONNX export, so the page reads the checkpoint's own model.safetensors and builds the graph itself; Python loads the same weights.`}
      python={pythonSnippet(modelId, params)}
      javascript={jsSnippet()}
    />
  );
}
