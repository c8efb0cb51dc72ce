import type { ExplainerProps } from '@/hats/types';
import { CheckpointWeights } from '@/components/CheckpointWeights';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import type { PretrainingOutput } from './output';
import type { PretrainingParams } from './params';
import { jsSnippet, pythonSnippet } from './snippets';

export default function Explainer({ params, output, facts, modelId }: ExplainerProps<PretrainingParams, PretrainingOutput>) {
  const h = facts?.hiddenSize ?? 'hidden';
  const layers = facts?.numLayers === 1 ? '1 encoder layer' : `${facts?.numLayers ?? 'the'} encoder layers`;
  const v = facts?.vocabSize ?? 'vocab_size';
  const mask = facts?.maskToken ?? '[MASK]';
  return (
    <ExplainerLayout
      head={
        <>
          <p>
            One pass of {layers} (width {h}) over <code>[CLS] A [SEP] B [SEP]</code>, then two heads at once.{' '}
            <code>cls.predictions</code> scores every word at every position: <code>Linear({h} → {h}) + GELU + LayerNorm</code>, then the
            word-embedding table turned around as a decoder, <code>[{h} → {v}]</code>, plus a bias: <code>prediction_logits [1, seq_len, {v}]</code>.{' '}
            <code>cls.seq_relationship</code> reads the pooled <code>[CLS]</code> vector (pooler: <code>Linear({h} → {h}) + tanh</code>):{' '}
            <code>Linear({h} → 2)</code>, <code>seq_relationship_logits [1, 2]</code>.
          </p>
          <CheckpointWeights provenance={output?.provenance} bodyNote="its word-embedding table doubles as the decoder" heads="heads" />
        </>
      }
      training={
        <p>
          BERT read BooksCorpus and English Wikipedia (about 3.3 billion words). For every pair of text spans, 15% of the tokens were chosen: 80% of
          those became {mask}, 10% a random word, 10% stayed as they were; and half of the time B was replaced by a random span from another
          document. The loss is the one this hat computes: mean cross-entropy over the chosen tokens plus the cross-entropy of IsNext/NotNext, lowered
          over a million steps of 256 sequences. Nothing was labelled by hand: the text labels itself.
        </p>
      }
      when={
        <p>
          Pick it to see what BERT was actually trained to do, or before continuing pretraining on your own domain&apos;s text (medical notes, law)
          and then fine-tuning. To just guess hidden words the masked-LM hat is simpler; for a verdict on sentence pairs, the next-sentence hat.
        </p>
      }
      note={`transformers.js has no pretraining class and ONNX exports of BERT drop these heads, so the page reads ${modelId}'s own model.safetensors and builds the graph itself; Python loads the same weights. The page computes the loss with the formula shown; it does not train.`}
      python={pythonSnippet(modelId, params, mask)}
      javascript={jsSnippet()}
    />
  );
}
