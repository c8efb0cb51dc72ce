import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { tint } from './heat';

interface Props {
  queries: string[];
  keys: string[];
  weights: number[][];
  layer: number;
  head: number;
  selected: number | null;
}

/** The numbers behind the heat grid: one row per query token, one cell per key token. */
export function AttentionTable({ queries, keys, weights, layer, head, selected }: Props) {
  return (
    <ScrollRegion label={`Attention weights, layer ${layer}, head ${head}`}>
      <table data-testid="attention-table" data-layer={layer} data-head={head} className="border-collapse text-xs tabular-nums">
        <caption className="mb-1 text-left text-sm">
          Layer {layer}, head {head}: how much each token (row) attends to each token (column).
        </caption>
        <thead>
          <tr>
            <th scope="col" className="px-1 text-left">
              query ↓ key →
            </th>
            {keys.map((k, i) => (
              <th key={i} scope="col" className="px-1 font-mono">
                {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weights.map((row, q) => (
            <tr key={q} className={selected === q ? 'outline outline-2 outline-amber-600' : undefined}>
              <th scope="row" className="px-1 text-left font-mono">
                {queries[q]}
              </th>
              {row.map((w, k) => (
                <td key={k} className="px-1 text-right" style={{ background: tint(w * 0.6) }}>
                  {w.toFixed(3)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
