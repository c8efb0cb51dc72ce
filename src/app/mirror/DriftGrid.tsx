import type { DriftRow } from '@/lib/mirror/types';

const CELL = 26;
const LABEL = 80;
const HEADER = 96;

/**
 * The drift as a grid, layers down and parts across, darker where fine-tuning moved more (the
 * colour scale runs to the largest change measured). The table beside it holds the numbers.
 */
export function DriftGrid({ rows }: { rows: readonly DriftRow[] }) {
  const kinds = [...new Set(rows.filter((r) => r.layer >= 0).map((r) => r.kind))];
  const layers = [...new Set(rows.filter((r) => r.layer >= 0).map((r) => r.layer))];
  const top = Math.max(1e-12, ...rows.map((r) => r.relative));
  const width = LABEL + kinds.length * CELL + 4;
  return (
    <svg viewBox={`0 0 ${width} ${HEADER + layers.length * CELL}`} width="100%" aria-hidden="true" fontSize={9} className="h-auto max-w-md">
      {kinds.map((k, j) => (
        <text key={k} transform={`translate(${LABEL + j * CELL + CELL / 2} ${HEADER - 4}) rotate(-60)`} fill="currentColor">
          {k}
        </text>
      ))}
      {layers.map((l, i) => (
        <g key={l} transform={`translate(0 ${HEADER + i * CELL})`}>
          <text x={LABEL - 4} y={CELL / 2} dominantBaseline="middle" textAnchor="end" fill="currentColor">
            {`layer ${l + 1}`}
          </text>
          {kinds.map((k, j) => {
            const r = rows.find((x) => x.layer === l && x.kind === k);
            return <rect key={k} x={LABEL + j * CELL} y={1} width={CELL - 2} height={CELL - 2} fill="#b45309" fillOpacity={r ? 0.05 + 0.95 * (r.relative / top) : 0} stroke="currentColor" strokeOpacity={0.15} />;
          })}
        </g>
      ))}
    </svg>
  );
}
