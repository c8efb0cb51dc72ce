import type { Anatomy } from '@/lib/mirror/types';
import { count, READS, share } from './format';

const WIDTH = 600;
const LABEL = 120;
const ROW = 18;
const BODY = '#78716c';
const HEAD = '#d97706';

/**
 * Body and heads to one scale: each bar is as long as its share of the body's numbers, so a head
 * of a few thousand numbers on a body of a hundred million is a sliver narrower than a pixel, and
 * the drawing says so rather than inflating it. The table below holds the exact counts.
 */
export function ScaleChart({ anatomy }: { anatomy: Anatomy }) {
  const rows = [{ name: 'body', params: anatomy.bodyParams, reads: null }, ...anatomy.heads.filter((h) => h.params > 0)];
  const plot = WIDTH - LABEL - 8;
  const px = (n: number) => (n / Math.max(1, anatomy.bodyParams)) * plot;
  const total = anatomy.bodyParams + anatomy.heads.reduce((n, h) => n + h.params, 0);
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-semibold">Numbers in the body and in each head, to scale</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${rows.length * ROW + 4}`} width="100%" aria-hidden="true" fontSize={11} className="h-auto max-w-full">
        {rows.map((r, i) => {
          const w = px(r.params);
          return (
            <g key={r.name} transform={`translate(0 ${i * ROW + 2})`}>
              <text x={LABEL - 6} y={ROW / 2} dominantBaseline="middle" textAnchor="end" fill="currentColor">
                {r.name}
              </text>
              <rect x={LABEL} y={2} width={w} height={ROW - 6} fill={i === 0 ? BODY : HEAD} />
              {w < 1 && (
                <text x={LABEL + 4} y={ROW / 2} dominantBaseline="middle" fill="currentColor" fontStyle="italic">
                  {`narrower than a pixel at this scale (${share(r.params, anatomy.bodyParams)} of the body)`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm [&_td]:px-1.5 [&_th]:px-1.5" data-testid="mirror-scale-table">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col" className="text-right">
                Parameters
              </th>
              <th scope="col" className="text-right">
                Share of all
              </th>
              <th scope="col">Reads</th>
            </tr>
          </thead>
          <tbody>
            {[{ name: 'body', params: anatomy.bodyParams, reads: undefined }, ...anatomy.heads].map((r) => (
              <tr key={r.name}>
                <th scope="row" className="font-normal">
                  {r.name}
                </th>
                <td className="text-right font-mono">{count(r.params)}</td>
                <td className="text-right font-mono">{share(r.params, total)}</td>
                <td>{r.reads ? READS[r.reads] : 'the tokens'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {anatomy.tiedParams > 0 && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          The masked-word head scores words with the body&apos;s own word table ({count(anatomy.tiedParams)} numbers, tied), so those numbers are counted once, in the body.
        </p>
      )}
    </figure>
  );
}
