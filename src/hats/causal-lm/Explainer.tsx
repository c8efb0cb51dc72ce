import type { ExplainerProps } from '@/hats/types';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import type { ModelFacts } from '@/engine/protocol';
import { CausalMask } from './CausalMask';
import type { CausalOutput } from './output';
import type { CausalParams } from './params';
import { jsSnippet, pythonSnippet } from './snippets';

function HeadText({ facts }: { facts?: ModelFacts }) {
  const h = facts?.hiddenSize ?? 'hidden';
  const v = facts?.vocabSize ?? 'vocab';
  return (
    <>
      {facts ? (
        <p data-testid="model-numbers">
          This {facts.modelType} model: {facts.numLayers ?? '?'} decoder layer{facts.numLayers === 1 ? '' : 's'} of width {h}, {facts.numHeads ?? '?'} attention heads each, a vocabulary
          of {v} tokens and a window of {facts.maxPositions ?? facts.maxLength} tokens (prompt plus everything it writes).
        </p>
      ) : (
        <p>Load a model to see its own numbers.</p>
      )}
      <p className="mt-1">
        The head is one linear layer, <code>lm_head: Linear({h} → {v})</code> (in GPT-2 it shares its weights with the token embeddings): for the last
        position it gives a score (logit) to every token of the vocabulary, and a softmax turns those into the next-token distribution in the chart.
      </p>
      <p className="mt-2">
        What makes it a writer is the <strong>causal mask</strong>: each position may only attend to itself and the positions on its left, so the
        prediction for “what comes next” never peeks at the answer. BERT&apos;s attention is bidirectional: every token sees the whole sentence.
      </p>
      <div className="mt-2">
        <CausalMask />
      </div>
    </>
  );
}

export default function Explainer({ params, facts, modelId, dtype, device }: ExplainerProps<CausalParams, CausalOutput>) {
  return (
    <ExplainerLayout
      head={<HeadText facts={facts} />}
      training={
        <>
          <p>
            Next-token prediction on a lot of text: at every position the model is scored (cross-entropy) on how much probability it gave the
            token that really came next. One pass over a sentence trains every position at once, because the causal mask keeps each from seeing
            its own answer. Instruction models are then fine-tuned on conversations, wrapped in a chat template.
          </p>
          <p className="mt-1">
            Why not BERT? BERT was trained to fill a <code>[MASK]</code> using words on <em>both</em> sides. To write, the words on the right do not
            exist yet; BERT has never learnt to predict from the left alone, and it re-reads the whole text for every word, with no cache to reuse.
            GPT-style decoders were trained for exactly this.
          </p>
        </>
      }
      when={
        <p>
          Pick it when you want the model to continue or write text. To understand text (classify, tag, find an answer), a BERT hat is smaller and
          sees both sides of every word; to turn one text into another (translate, summarise), the seq2seq hat is built for it.
        </p>
      }
      note="Greedy decoding should match the Python run (up to the quantization of the ONNX weights); sampled text uses the page's seeded generator, which PyTorch does not have, so its draws differ."
      python={pythonSnippet(modelId, params)}
      javascript={jsSnippet(modelId, params, dtype ?? 'q8', device ?? 'wasm', facts?.modelFileName)}
    />
  );
}
