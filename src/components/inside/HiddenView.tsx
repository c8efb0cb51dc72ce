import type { InsideHidden } from '@/lib/inside';
import { HeatGrid } from './HeatGrid';
import { LayerPicker } from './LayerPicker';
import { cosineMatrix, hiddenRows } from './vectors';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

interface Props {
  hidden: InsideHidden;
  /** 0: the embeddings; 1 … L: after that layer. */
  layer: number;
  onLayer(layer: number): void;
}

/** One layer's hidden states: the vectors as a heat picture, and how alike the tokens are at that layer. */
export function HiddenView({ hidden, layer: asked, onLayer }: Props) {
  // The panel's layer may come from a longer stack (a decoder's attention): keep to this one's.
  const layer = Math.min(asked, hidden.layers.length - 1);
  const rows = hiddenRows(hidden.layers[layer]!, hidden.tokens.length, hidden.width);
  const similar = cosineMatrix(rows);
  const top = Math.max(...rows.flat().map(Math.abs), 1e-9);
  return (
    <div className="flex flex-col gap-3">
      <LayerPicker
        label="Hidden state after layer"
        value={layer}
        count={hidden.layers.length - 1}
        before={[['0', 'embeddings']]}
        lastNote=" (last)"
        onChange={(v) => onLayer(Number(v))}
      />
      <div className="overflow-x-auto">
        <HeatGrid weights={rows.map((r) => r.map((v) => Math.abs(v) / top))} cell={Math.max(2, Math.min(8, Math.floor(640 / hidden.width)))} />
      </div>
      <ScrollRegion label={`Similarity of the tokens after layer ${layer}`}>
        <table data-testid="hidden-table" data-layer={layer} className="border-collapse text-xs tabular-nums">
          <caption className="mb-1 text-left text-sm">
            {layer === 0 ? 'Embeddings' : `After layer ${layer}`}: cosine similarity of every pair of tokens ({hidden.width} numbers each).
          </caption>
          <thead>
            <tr>
              <th scope="col" className="px-1" />
              {hidden.tokens.map((t, i) => (
                <th key={i} scope="col" className="px-1 font-mono">
                  {t}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {similar.map((row, i) => (
              <tr key={i}>
                <th scope="row" className="px-1 text-left font-mono">
                  {hidden.tokens[i]}
                </th>
                {row.map((s, j) => (
                  <td key={j} className="px-1 text-right">
                    {s.toFixed(2)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
