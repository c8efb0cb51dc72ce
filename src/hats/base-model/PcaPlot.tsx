import { ScatterChart } from '@/components/charts/ScatterChart';
import type { SentenceVectors } from './postprocess';
import { fixed } from './summary';

/** The token vectors flattened to the two directions in which they differ most. */
export function PcaPlot({ sentence }: { sentence: SentenceVectors }) {
  const { pca, tokens, special } = sentence;
  if (!pca) return <p className="text-sm text-stone-500">A map of the tokens needs at least two of them.</p>;
  const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
  const caption = `Principal components of the ${tokens.length} token vectors: axis 1 shows ${pct(pca.explained[0])} of their variance, axis 2 ${pct(pca.explained[1])}.`;
  return (
    <section aria-labelledby="bm-pca" className="flex flex-col gap-2" data-testid="pca-plot">
      <h4 id="bm-pca" className="text-sm font-semibold">
        Tokens on a 2-D map (PCA)
      </h4>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        {caption} Tokens close together have similar vectors here; the map keeps only {pct(pca.explained[0] + pca.explained[1])}{' '}
        of the picture, so far apart on the map is surer than close. Special tokens are drawn as squares.
      </p>
      <div className="rounded border border-stone-200 bg-white dark:border-stone-700 dark:bg-stone-900">
        <ScatterChart
          ticks={false}
          xLabel={`axis 1 (${pct(pca.explained[0])})`}
          yLabel={`axis 2 (${pct(pca.explained[1])})`}
          pointTestId="pca-point"
          name="tokens on a 2-D map (PCA)"
          points={pca.points.map(([px, py], i) => ({ x: px, y: py, label: tokens[i], square: special[i], title: `${tokens[i]}: (${fixed(px, 2)}, ${fixed(py, 2)})` }))}
        />
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer">Coordinates as a table</summary>
        <table className="mt-1 text-left font-mono">
          <thead>
            <tr>
              <th scope="col" className="pr-3">token</th>
              <th scope="col" className="pr-3">axis 1</th>
              <th scope="col">axis 2</th>
            </tr>
          </thead>
          <tbody>
            {pca.points.map(([px, py], i) => (
              <tr key={i}>
                <th scope="row" className="pr-3 font-normal">{tokens[i]}</th>
                <td className="pr-3">{fixed(px, 2)}</td>
                <td>{fixed(py, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
