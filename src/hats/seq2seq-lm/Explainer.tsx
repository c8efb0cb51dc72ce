import type { ExplainerProps } from '@/hats/types';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import type { Seq2SeqOutput } from './generation';
import type { Seq2SeqParams } from './params';
import { jsSnippet, pythonSnippet } from './snippets';

function Numbers({ output }: { output?: Seq2SeqOutput }) {
  const a = output?.architecture;
  if (!a) return <p className="text-stone-500">The loaded model&apos;s numbers appear after its first run.</p>;
  const rows: [string, string | number | undefined][] = [
    ['Encoder layers', a.encoderLayers],
    ['Decoder layers', a.decoderLayers],
    ['Width (d_model)', a.dModel],
    ['Attention heads', a.heads],
    ['Per-head width (d_kv)', a.dKv],
    ['Feed-forward width (d_ff)', a.dFf ? `${a.dFf}${a.feedForward ? ` (${a.feedForward})` : ''}` : undefined],
    ['Vocabulary', a.vocabSize],
    ['Relative position buckets', a.relativeBuckets ? `${a.relativeBuckets} (up to distance ${a.relativeMaxDistance ?? '?'})` : undefined],
    ['Decoder cache', a.usesCache ? 'past_key_values: one new token per step' : 'none: every step rereads all tokens'],
  ];
  return (
    <table className="my-2 text-xs" data-testid="model-numbers">
      <caption className="sr-only">The loaded model&apos;s numbers</caption>
      <tbody>
        {rows
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="pr-3 text-left font-medium">{k}</th>
              <td className="font-mono">{v}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export default function Explainer({ params, output, facts, modelId, dtype, device }: ExplainerProps<Seq2SeqParams, Seq2SeqOutput>) {
  const d = output?.architecture.dModel ?? facts?.hiddenSize ?? 'd_model';
  const v = output?.architecture.vocabSize ?? facts?.vocabSize ?? 'vocabulary';
  return (
    <ExplainerLayout
      head={
        <>
          <p>
            Two stacks instead of one. The <strong>encoder</strong> reads the whole source at once, every token looking at every other, and
            hands over one vector of width {d} per token. The <strong>decoder</strong> then writes left to right: at each step it looks back at
            what it has written (masked self-attention), looks across at the encoder&apos;s vectors (cross-attention), and its LM head,{' '}
            <code>Linear({d} → {v})</code>, scores every token in the vocabulary. The best one is written and fed back in.
          </p>
          <Numbers output={output} />
          <p>
            T5 has no position table: attention gets a learned bias per <em>relative</em> distance bucket instead, so nearby words are told
            apart from distant ones. Its norms are RMS norms without bias, and no layer has a bias at all.
          </p>
        </>
      }
      training={
        <p>
          T5 was pretrained by span corruption: stretches of a text are replaced by sentinel tokens and the decoder writes the missing stretches.
          Then it was trained on many tasks at once, each named by a prefix such as <code>translate English to German:</code> or{' '}
          <code>summarize:</code>. FLAN-T5 starts from T5 v1.1 instead, which was pretrained on C4 alone (span corruption, no task mixture, and a
          gated-GELU feed-forward), and was then instruction-tuned on over a thousand tasks (the Flan collection), which is why it follows a free
          instruction without a prefix as well as T5&apos;s prefixes. Training uses teacher forcing: the decoder gets the right answer shifted by one and learns to
          predict each next token (cross-entropy).
        </p>
      }
      when={
        <p>
          Pick it when a text must become another text: translation, summaries, rewriting, short answers. Unlike BERT (encoder only: it
          understands a text but writes nothing longer than a label per token) and GPT (decoder only: one stream where the prompt and the answer
          share the same stack), the encoder-decoder keeps reading and writing apart. Related to BERT, but not BERT: there is no [CLS] or [MASK]
          here.
        </p>
      }
      note="Greedy decoding, as the page does it: at each step the single most likely token. Python's generate() with do_sample=False writes the same tokens."
      python={pythonSnippet(modelId, params)}
      javascript={jsSnippet(modelId, params, dtype ?? 'q8', device ?? 'wasm')}
    />
  );
}
