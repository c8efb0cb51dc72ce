import { ExplainerLayout } from '@/components/ExplainerLayout';
import type { ExplainerProps } from '@/hats/types';
import { pythonNote } from '@/lib/snippets';
import { equationOf, readHeadParam } from './head-codec';
import type { CustomHeadParams } from './params';
import { jsSnippet, pythonSnippet } from './snippets';
import type { Head, Prediction } from './types';

function Shapes({ head, hidden }: { head?: Head; hidden?: number }) {
  const d = head?.encoder.hiddenSize ?? hidden ?? 'hidden';
  if (!head) {
    return (
      <p>
        With this encoder, h has <strong>{d}</strong> numbers. A linear classifier for k labels is then W of shape [k, {d}] and b of
        shape [k]: for three moods, {typeof d === 'number' ? `${3 * d + 3} numbers` : 'a few hundred numbers'} to learn, against
        millions in the encoder.
      </p>
    );
  }
  const [first, second] = head.layers;
  const count = head.layers.reduce((s, l) => s + l.weight.length + l.bias.length, 0);
  return (
    <p>
      Your head computes <code>{equationOf(head)}</code> with h of <strong>{d}</strong> numbers ({head.encoder.pooling} pooling of {head.encoder.model}, scaled to length 1).{' '}
      {second && first
        ? `W₁ is [${first.outSize}, ${first.inSize}], W₂ is [${second.outSize}, ${second.inSize}]`
        : first && `W is [${first.outSize}, ${first.inSize}] and b is [${first.outSize}]`}
      : <strong data-testid="explainer-param-count">{count.toLocaleString()}</strong> numbers learned, stored at float16 precision (the page, the file and the
      link all use those same numbers).
    </p>
  );
}

export default function Explainer({ params, facts, modelId, dtype, device }: ExplainerProps<CustomHeadParams, Prediction>) {
  const { head } = params.head ? readHeadParam(params.head) : {};
  return (
    <ExplainerLayout
      head={
        <>
          <p>
            A head is the small layer that turns the encoder&apos;s sentence vector h into an answer. Here you make it: the encoder
            stays frozen (its weights never change), and only W and b learn, from your own examples. The technique is called a{' '}
            <strong>linear probe on frozen features</strong> (with a hidden layer, a small MLP on frozen features): a classifier or a regression
            for a task nobody published a model for, without fine-tuning the encoder itself.
          </p>
          <div className="mt-1">
            <Shapes head={head} hidden={facts?.hiddenSize} />
          </div>
        </>
      }
      training={
        <p>
          Each example is embedded once (the slow part: a pass through the encoder) and remembered. Then the head trains on those
          vectors, full batch, with Adam: cross-entropy for classes, mean squared error for numbers. A share of the examples, picked
          by the seed, is held out and never trained on, so the held-out loss and accuracy tell you how the head does on texts it has
          not seen. If the held-out loss climbs while the training loss falls, the head is memorising: fewer epochs, or more examples.
        </p>
      }
      when={
        <p>
          Pick it when no published model has your labels: a cat&apos;s moods, your team&apos;s ticket categories, how funny a
          sentence is on a 0–10 scale. A few dozen examples per label often do, because the encoder already knows what sentences
          mean. If a fine-tuned model for your exact task exists, the sequence-classification hat will usually do better.
        </p>
      }
      note={pythonNote(modelId, dtype)}
      python={pythonSnippet(modelId, params.text, head)}
      javascript={jsSnippet(modelId, params.text, head, dtype ?? 'q8', device ?? 'wasm', facts?.hiddenSize)}
    />
  );
}
