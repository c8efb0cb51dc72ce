import { useState } from 'react';
import type { AttentionMap, InsidePicture } from '@/lib/inside';
import { AttentionTable } from './AttentionTable';
import { HeatGrid } from './HeatGrid';
import { headWeights, strongest } from './heat';
import { LayerPicker } from './LayerPicker';
import { PatchAttention } from './PatchAttention';
import { TokenPicker } from './TokenPicker';

interface Props {
  map: AttentionMap;
  layer: number;
  head: number | 'all';
  onLayer(layer: number): void;
  onHead(head: number | 'all'): void;
  /** The picture a vision model read: the attention is drawn over it too (map.patches). */
  picture?: InsidePicture;
}

/**
 * One attention of the model: pick a layer and a head, or see every head of the layer side by side.
 * The panel's layer and head are clamped to this attention's own (a decoder may have fewer layers).
 */
export function AttentionView({ map, layer: asked, head: askedHead, onLayer, onHead, picture }: Props) {
  const [query, setQuery] = useState<number | null>(null);
  const layer = Math.min(asked, map.layers.length);
  const head = askedHead === 'all' ? askedHead : Math.min(askedHead, map.heads);
  const fewer = layer !== asked || head !== askedHead;
  const weightsOf = (h: number) => headWeights(map.layers[layer - 1]!, h - 1, map.queries.length, map.keys.length);
  const shown = head === 'all' ? 1 : head;
  const weights = weightsOf(shown);
  const row = query !== null ? weights[query] : undefined;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <LayerPicker label="Layer" value={layer} count={map.layers.length} lastNote=" (last)" onChange={(v) => onLayer(Number(v))} />
        <LayerPicker label="Head" value={head} count={map.heads} after={[['all', 'all heads']]} onChange={(v) => onHead(v === 'all' ? 'all' : Number(v))} />
      </div>
      {fewer && (
        <p className="text-xs text-stone-500">
          This attention has {map.layers.length} layers of {map.heads} heads, so it shows layer {layer}, head {head}.
        </p>
      )}
      {map.note && <p className="text-sm text-stone-600 dark:text-stone-300">{map.note}</p>}
      {head === 'all' ? (
        <ul aria-label={`Every head of layer ${layer}`} className="grid grid-cols-[repeat(auto-fill,minmax(96px,1fr))] gap-2" data-testid="attention-heads">
          {Array.from({ length: map.heads }, (_, i) => (
            <li key={i}>
              <button type="button" className="btn flex w-full flex-col items-center gap-1 p-1" onClick={() => onHead(i + 1)}>
                <HeatGrid weights={weightsOf(i + 1)} cell={Math.max(2, Math.floor(80 / map.keys.length))} />
                <span className="text-xs">Head {i + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div className="flex flex-col gap-2">
          {picture && map.patches && <PatchAttention picture={picture} patches={map.patches} labels={map.queries} weights={weights} query={query} onQuery={setQuery} />}
          <div className="overflow-x-auto">
            <HeatGrid weights={weights} cell={Math.max(6, Math.min(24, Math.floor(320 / map.keys.length)))} selected={query} onPick={setQuery} />
          </div>
          <TokenPicker tokens={map.queries} selected={query} onPick={setQuery} />
          <p role="status" className="text-sm">
            {row
              ? `“${map.queries[query!]}” looks most at “${map.keys[strongest(row)]}” (${row[strongest(row)]!.toFixed(3)}).`
              : 'Pick a token (or tap a row of the grid) to see where it looks.'}
          </p>
        </div>
      )}
      <AttentionTable queries={map.queries} keys={map.keys} weights={weights} layer={layer} head={shown} selected={head === 'all' ? null : query} />
    </div>
  );
}
