import { HeatCanvas, HeatLegend } from './HeatCanvas';
import type { SentenceVectors } from './postprocess';
import { fixed, nearestToken } from './summary';

/** Cosine similarity of every token vector with every other one of the same sentence. */
export function TokenSimilarity({ sentence }: { sentence: SentenceVectors }) {
  const { similarity, tokens } = sentence;
  const cell = similarity.rows > 48 ? 8 : 16;
  return (
    <section aria-labelledby="bm-similarity" className="flex flex-col gap-2" data-testid="token-similarity">
      <h4 id="bm-similarity" className="text-sm font-semibold">
        Token × token cosine similarity
      </h4>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        Row and column are both the tokens in order; the diagonal is each token with itself (1). In most trained models
        all vectors lean one common way, so even unrelated tokens often score well above 0: compare cells, not with 0.
      </p>
      <HeatLegend limit={1} clipped={false} />
      <HeatCanvas
        m={similarity}
        limit={1}
        square={cell}
        rowLabels={tokens}
        label={`Grid of cosine similarities between the ${tokens.length} tokens. The table below lists each token's closest other token.`}
        describe={(r, c, v) => `${tokens[r]} ↔ ${tokens[c]}: ${fixed(v)}`}
      />
      <details className="text-xs">
        <summary className="cursor-pointer">Closest other token for each token</summary>
        <table className="mt-1 w-full text-left font-mono">
          <thead>
            <tr>
              <th scope="col">token</th>
              <th scope="col">closest</th>
              <th scope="col">cosine</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t, i) => {
              const near = nearestToken(similarity, i);
              return (
                <tr key={i}>
                  <th scope="row" className="font-normal">{t}</th>
                  <td>{near ? `${tokens[near.index]} (#${near.index})` : '–'}</td>
                  <td>{near ? fixed(near.cosine) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </section>
  );
}
