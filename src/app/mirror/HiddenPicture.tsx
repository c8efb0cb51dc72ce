import { ScrollRegion } from '@/components/ui/ScrollRegion';
import type { Reads } from '@/lib/mirror/types';
import { READS } from './format';

interface Props {
  tokens: string[];
  hidden: number[][];
  /** The head whose reading is highlighted, and how it reads. */
  focus: { name: string; reads: Reads } | null;
}

const CELL_H = 14;
const LABEL = 70;
const WIDTH = 600;
/** Columns drawn: enough to see the texture of a vector without thousands of rectangles per row. */
const DRAWN = 96;

function colour(v: number, scale: number): string {
  const t = Math.max(-1, Math.min(1, v / scale));
  return t >= 0 ? `rgba(217,119,6,${t.toFixed(3)})` : `rgba(37,99,235,${(-t).toFixed(3)})`;
}

const readsRow = (reads: Reads, p: number) => reads === 'every' || reads === 'mean' || (reads === 'cls' && p === 0);

/**
 * The shared hidden states, one row per token: the one thing every head reads. The focused head's
 * rows are outlined (every row, [CLS] only, or all rows averaged into one vector).
 */
export function HiddenPicture({ tokens, hidden, focus }: Props) {
  const width = hidden[0]?.length ?? 0;
  const cols = Math.min(DRAWN, width);
  const cellW = (WIDTH - LABEL) / Math.max(1, cols);
  const flat = hidden.flatMap((r) => r.slice(0, cols).map(Math.abs)).sort((a, b) => a - b);
  const scale = flat[Math.floor(flat.length * 0.95)] || 1;
  const norm = (r: number[]) => Math.sqrt(r.reduce((s, x) => s + x * x, 0));
  return (
    <figure className="flex flex-col gap-2" data-testid="mirror-hidden" data-focus={focus?.name ?? ''}>
      <figcaption className="text-sm font-semibold">
        The shared hidden states{cols < width ? ` (first ${cols} of ${width} numbers per token drawn)` : ''}
        {focus ? `: the ${focus.name} head reads ${READS[focus.reads]}` : ''}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${tokens.length * CELL_H + 2}`} width="100%" aria-hidden="true" fontSize={10} className="h-auto max-w-full">
        {hidden.map((row, p) => (
          <g key={p} transform={`translate(0 ${p * CELL_H + 1})`} opacity={focus && !readsRow(focus.reads, p) ? 0.25 : 1}>
            <text x={LABEL - 4} y={CELL_H / 2} dominantBaseline="middle" textAnchor="end" fontFamily="monospace" fill="currentColor">
              {tokens[p]}
            </text>
            {row.slice(0, cols).map((v, d) => (
              <rect key={d} x={LABEL + d * cellW} y={0} width={cellW} height={CELL_H - 1} fill={colour(v, scale)} />
            ))}
            {focus && readsRow(focus.reads, p) && <rect x={LABEL} y={0} width={WIDTH - LABEL} height={CELL_H - 1} fill="none" stroke="#b45309" strokeWidth={1.5} />}
          </g>
        ))}
      </svg>
      <ScrollRegion label="The hidden state of every token" maxHeight="max-h-64">
        <table className="w-full text-left text-sm [&_td]:px-1.5 [&_th]:px-1.5" data-testid="mirror-hidden-table">
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Read by {focus ? focus.name : 'the focused head'}</th>
              <th scope="col" className="text-right">
                Length
              </th>
              <th scope="col">First numbers</th>
            </tr>
          </thead>
          <tbody>
            {hidden.map((row, p) => (
              <tr key={p} data-read={focus ? readsRow(focus.reads, p) : undefined}>
                <th scope="row" className="font-mono font-normal">
                  {tokens[p]}
                </th>
                <td>{focus ? (readsRow(focus.reads, p) ? (focus.reads === 'mean' ? 'yes, averaged' : 'yes') : 'no') : '—'}</td>
                <td className="text-right font-mono">{norm(row).toFixed(2)}</td>
                <td className="font-mono">{row.slice(0, 4).map((v) => v.toFixed(3)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}
