import { useId, useState } from 'react';
import type { OutputProps } from '@/hats/types';
import { HiddenHeatmap } from './HiddenHeatmap';
import { PcaPlot } from './PcaPlot';
import { PooledVectors, SENTENCE_NAMES } from './PooledVectors';
import type { BaseModelOutput } from './postprocess';
import type { BaseModelParams } from './params';
import { TokenSimilarity } from './TokenSimilarity';

export default function Output({ output }: OutputProps<BaseModelParams, BaseModelOutput>) {
  const name = useId();
  const [picked, setPicked] = useState(0);
  const { sentences, hiddenSize, batchLength } = output;
  const shown = Math.min(picked, sentences.length - 1);
  const sentence = sentences[shown];
  if (!sentence) return null;
  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm">
        <code data-testid="hidden-shape">
          last_hidden_state: [{sentences.length}, {batchLength}, {hiddenSize}]
        </code>{' '}
        <span className="text-stone-500">
          = [batch (sentences), seq (tokens, padded to the longest), hidden]. No head: these numbers are the whole answer.
        </span>
      </p>
      {sentences[1]?.truncated && (
        <p role="status" className="rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm dark:bg-amber-950">
          The second sentence is longer than the model&apos;s window: its vectors are of its first tokens only.
        </p>
      )}
      <PooledVectors output={output} />
      {sentences.length > 1 && (
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="mb-1 font-semibold">Token views for</legend>
          {sentences.map((s, i) => (
            <label key={i} className="flex items-center gap-1">
              <input type="radio" name={name} checked={shown === i} onChange={() => setPicked(i)} />
              {SENTENCE_NAMES[i]} ({s.tokens.length} tokens)
            </label>
          ))}
        </fieldset>
      )}
      <HiddenHeatmap sentence={sentence} />
      <TokenSimilarity sentence={sentence} />
      <PcaPlot sentence={sentence} />
    </div>
  );
}
