import { useMemo } from 'react';
import type { OutputProps } from '@/hats/types';
import { aggregate } from './aggregate';
import { legendOf } from './colors';
import { EntityTable } from './EntityTable';
import { HighlightedText } from './HighlightedText';
import { Legend } from './Legend';
import type { TokenClsParams } from './params';
import type { TokenClsOutput } from './postprocess';
import { TokenTable } from './TokenTable';

export default function Output({ params, output }: OutputProps<TokenClsParams, TokenClsOutput>) {
  const strategy = params.aggregation;
  // Merging is pure arithmetic on the scores the model already gave, so switching strategy redraws at once.
  const entities = useMemo(() => aggregate(output.tokens, output.labels, strategy), [output, strategy]);
  const legend = useMemo(() => legendOf(output.labels), [output.labels]);
  return (
    <div className="flex flex-col gap-4">
      <HighlightedText text={output.text} entities={entities} readUpTo={output.readUpTo} legend={legend} />
      <Legend legend={legend} labels={output.labels} />
      <EntityTable text={output.text} entities={entities} strategy={strategy} />
      <TokenTable text={output.text} tokens={output.tokens} labels={output.labels} entities={entities} />
      {output.subwordRule === 'space' && strategy !== 'none' && strategy !== 'simple' && (
        <p className="text-xs text-stone-500">
          This tokenizer does not mark word pieces, so a token counts as a piece when no space comes before it (as the
          Python pipeline guesses too).
        </p>
      )}
    </div>
  );
}
