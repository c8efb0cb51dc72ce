import type { ExplainerProps } from '@/hats/types';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import { pythonNote } from '@/lib/snippets';
import type { ModelFacts } from '@/engine/protocol';
import type { QaParams } from './params';
import { MAX_ANSWER_TOKENS, type QaOutput } from './postprocess';
import { jsSnippet, pythonSnippet, type WindowSettings } from './snippets';

function HeadText({ facts, w }: { facts?: ModelFacts; w: WindowSettings }) {
  if (!facts) return <p>Load a model to see its head with its own numbers.</p>;
  const h = facts.hiddenSize;
  const layers = facts.numLayers === 1 ? '1 encoder layer' : `${facts.numLayers ?? '?'} encoder layers`;
  const first = facts.modelType.includes('roberta') ? '<s>' : '[CLS]';
  return (
    <>
      <p>
        On top of {layers} of width {h ?? '?'} sits one small layer,{' '}
        <code data-testid="explainer-head">
          qa_outputs: Linear({h ?? 'hidden'} → 2)
        </code>
        {h ? ` (${(2 * h + 2).toLocaleString()} parameters)` : ''}. It gives every token two numbers: how likely the answer starts
        there, and how likely it ends there. Output shapes: <code>start_logits [batch, seq_len]</code> and{' '}
        <code>end_logits [batch, seq_len]</code>.
      </p>
      <p className="mt-1">
        The question and the context go in as one pair. The question&apos;s positions, the separators and any padding are masked out;{' '}
        <code>{first}</code> is not: it stays in the softmax next to the context tokens, which gives p(start) and p(end). The answer is
        the context span with the largest p(start) × p(end), with end ≥ start and at most {MAX_ANSWER_TOKENS} tokens, and it is compared
        with p(start = {first}) × p(end = {first}), the “no answer” score. This model reads {w.windowLength} tokens at a time, so a
        longer context is read in windows that overlap by {w.stride} tokens, and the best span over all windows wins.
      </p>
    </>
  );
}

export default function Explainer({ params, output, facts, modelId, dtype, device }: ExplainerProps<QaParams, QaOutput>) {
  const windowLength = output?.windowLength ?? Math.min(facts?.maxLength ?? 384, 384);
  const w: WindowSettings = { windowLength, stride: output?.stride ?? Math.min(128, Math.floor(windowLength / 2)) };
  return (
    <ExplainerLayout
      head={<HeadText facts={facts} w={w} />}
      training={
        <p>
          Fine-tuning on SQuAD: about 100,000 questions people wrote about Wikipedia paragraphs, each answered by a span of the paragraph.
          The training target is two positions, the first and the last token of that span; the loss is the cross-entropy of the start
          logits against the true start plus that of the end logits against the true end. SQuAD 2.0 adds 50,000 questions with no
          answer in the paragraph, whose target is the [CLS] position: only models trained on it have learned a meaningful “no answer”
          score. A distilled model (DistilBERT) also learned from a bigger teacher&apos;s start and end probabilities.
        </p>
      }
      when={
        <p>
          Pick it when the answer is written somewhere in a text you have: a manual, a policy, a story, an article. It copies a span, so
          it cannot answer from general knowledge, combine facts from far apart or say anything in its own words; for that, a
          text-writing hat fits better. For a search over many documents, find the right passage first, then wear this hat.
        </p>
      }
      note={pythonNote(modelId, dtype)}
      python={pythonSnippet(modelId, params, w)}
      javascript={jsSnippet(modelId, params, dtype ?? 'q8', device ?? 'wasm')}
    />
  );
}
