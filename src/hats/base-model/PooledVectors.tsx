import { useMemo } from 'react';
import { HeatCanvas, HeatLegend } from './HeatCanvas';
import { heatLimit } from './heat-scale';
import type { BaseModelOutput } from './postprocess';
import { fixed } from './summary';
import { matrix, norm } from './vectors';

export const SENTENCE_NAMES = ['Text', 'Second sentence'];
const SHORT = ['text', '2nd'];

function preview(v: number[]): string {
  return `[${v.slice(0, 6).map((x) => fixed(x)).join(', ')}, …] (${v.length} numbers, length ${fixed(norm(v), 2)})`;
}

/** One vector per sentence, two ways: the first token's, and the mean of all tokens. */
export function PooledVectors({ output }: { output: BaseModelOutput }) {
  const { sentences, pair, hiddenSize } = output;
  const first = sentences[0]?.tokens[0] ?? '[CLS]';
  const strips = useMemo(() => {
    const m = matrix(sentences.length * 2, hiddenSize);
    sentences.forEach((s, i) => {
      m.data.set(s.cls, 2 * i * hiddenSize);
      m.data.set(s.mean, (2 * i + 1) * hiddenSize);
    });
    return m;
  }, [sentences, hiddenSize]);
  const limit = useMemo(() => heatLimit(strips.data), [strips]);
  const labels = sentences.flatMap((_, i) => [`${SHORT[i]} ${first}`, `${SHORT[i]} mean`]);
  return (
    <section aria-labelledby="bm-pooled" className="flex flex-col gap-2">
      <h4 id="bm-pooled" className="text-sm font-semibold">
        Sentence vectors
      </h4>
      {pair && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 dark:bg-stone-800">
          <p>
            Cosine similarity of the two sentences (mean-pooled vectors):{' '}
            <strong className="font-mono text-lg" data-testid="pair-cosine">
              {fixed(pair.mean)}
            </strong>
          </p>
          <meter min={-1} max={1} value={pair.mean} aria-label="Cosine similarity, from −1 to 1" className="w-full" />
          <p className="text-xs text-stone-600 dark:text-stone-400">
            With the {first} vectors instead: <span className="font-mono" data-testid="pair-cosine-cls">{fixed(pair.cls)}</span>. Each
            sentence was encoded on its own; which pooling is right depends on how the model was trained (see its note).
          </p>
        </div>
      )}
      <ul className="font-mono text-xs">
        {sentences.map((s, i) => (
          <li key={i} data-testid="sentence-vector">
            {SENTENCE_NAMES[i]} mean: {preview(s.mean)}
            {s.padding > 0 && <span className="font-sans text-stone-500"> · {s.padding} padding tokens in the batch, left out by the attention mask</span>}
          </li>
        ))}
      </ul>
      <HeatLegend limit={limit} clipped={strips.data.some((v) => Math.abs(v) > limit)} />
      <HeatCanvas
        m={strips}
        limit={limit}
        rowLabels={labels}
        label={`The ${first} and mean vectors of each sentence as colour strips; their first numbers are listed above.`}
        describe={(r, c, v) => `${labels[r]} · dimension ${c}: ${fixed(v)}`}
      />
    </section>
  );
}
