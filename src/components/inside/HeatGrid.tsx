import { tint } from './heat';

interface Props {
  weights: number[][];
  /** Side of a cell in px. */
  cell: number;
  selected?: number | null;
  /** A tap on a row picks that query token (the keyboard uses the token buttons beside it). */
  onPick?: (query: number) => void;
}

/** Attention as a heat grid: rows are query tokens, columns key tokens, darker is more weight. */
export function HeatGrid({ weights, cell, selected = null, onPick }: Props) {
  const n = weights.length;
  const m = weights[0]?.length ?? 0;
  return (
    <svg aria-hidden="true" width={m * cell} height={n * cell} viewBox={`0 0 ${m * cell} ${n * cell}`} className="max-w-full">
      <rect width={m * cell} height={n * cell} fill="#fffbeb" />
      {weights.map((row, q) =>
        row.map((w, k) => (
          <rect key={`${q}-${k}`} x={k * cell} y={q * cell} width={cell} height={cell} fill={tint(w)} onClick={onPick ? () => onPick(q) : undefined} />
        )),
      )}
      {selected !== null && selected < n && <rect x={0} y={selected * cell} width={m * cell} height={cell} fill="none" stroke="#92400e" strokeWidth={2} />}
    </svg>
  );
}
