import type { SentenceVectors } from './postprocess';
import { fixed } from './summary';

const W = 420;
const H = 300;
const PAD = 24;

function scale(values: number[], from: number, to: number) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  return (v: number) => (hi === lo ? (from + to) / 2 : from + ((v - lo) / span) * (to - from));
}

/** The token vectors flattened to the two directions in which they differ most. */
export function PcaPlot({ sentence }: { sentence: SentenceVectors }) {
  const { pca, tokens, special } = sentence;
  if (!pca) return <p className="text-sm text-stone-500">A map of the tokens needs at least two of them.</p>;
  const x = scale(pca.points.map((p) => p[0]), PAD, W - 3 * PAD); // room for the last label
  const y = scale(pca.points.map((p) => p[1]), H - PAD, PAD); // SVG y grows downwards
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
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${caption} The table below lists the coordinates.`} className="w-full max-w-xl rounded border border-stone-200 bg-white dark:border-stone-700 dark:bg-stone-900">
        <line x1={PAD} x2={W - PAD} y1={H - PAD / 2} y2={H - PAD / 2} className="stroke-stone-300" />
        <line x1={PAD / 2} x2={PAD / 2} y1={PAD} y2={H - PAD} className="stroke-stone-300" />
        <text x={W - PAD} y={H - 4} textAnchor="end" className="fill-stone-500 text-[10px]">
          axis 1 ({pct(pca.explained[0])})
        </text>
        <text x={4} y={PAD - 8} className="fill-stone-500 text-[10px]">
          axis 2 ({pct(pca.explained[1])})
        </text>
        {pca.points.map(([px, py], i) => (
          <g key={i} data-testid="pca-point" transform={`translate(${x(px)} ${y(py)})`}>
            <title>{`${tokens[i]}: (${fixed(px, 2)}, ${fixed(py, 2)})`}</title>
            {special[i] ? <rect x={-4} y={-4} width={8} height={8} className="fill-stone-500" /> : <circle r={4} className="fill-amber-600" />}
            <text x={6} y={4} className="fill-stone-800 font-mono text-[10px] dark:fill-stone-200">
              {tokens[i]}
            </text>
          </g>
        ))}
      </svg>
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
