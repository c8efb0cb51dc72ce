import { useEffect, useRef } from 'react';
import type { Dense } from './types';

const NEG = [33, 102, 172];
const MID = [247, 247, 247];
const POS = [214, 96, 21];

function colour(v: number, limit: number): number[] {
  const t = Math.max(-1, Math.min(1, v / limit));
  const end = t < 0 ? NEG : POS;
  return MID.map((m, c) => Math.round(m + ((end[c] as number) - m) * Math.abs(t)));
}

/** The few weights that pull hardest on an output (largest |w|). */
function strongest(layer: Dense, row: number, n = 4): { i: number; w: number }[] {
  const ws = Array.from(layer.weight.subarray(row * layer.inSize, (row + 1) * layer.inSize), (w, i) => ({ i, w }));
  return ws.sort((a, b) => Math.abs(b.w) - Math.abs(a.w)).slice(0, n);
}

interface Props {
  layer: Dense;
  rowLabels: string[];
  name: string;
}

/** One pixel per weight, rows = outputs, columns = inputs; blue negative, orange positive. A table summarises each row. */
export function WeightHeatmap({ layer, rowLabels, name }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const limit = Math.max(1e-6, ...Array.from(layer.weight, Math.abs));
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return; // no canvas in jsdom
    const img = ctx.createImageData(layer.inSize, layer.outSize);
    layer.weight.forEach((v, k) => img.data.set([...colour(v, limit), 255], k * 4));
    ctx.putImageData(img, 0, 0);
  }, [layer, limit]);
  const rowPx = Math.max(6, Math.min(18, Math.floor(160 / layer.outSize)));
  return (
    <figure className="flex flex-col gap-1">
      <div className="flex gap-1 overflow-x-auto">
        <ol aria-hidden="true" className="shrink-0 font-mono text-[10px] leading-none">
          {rowLabels.map((l, r) => (
            <li key={r} style={{ height: rowPx }} className="flex max-w-24 items-center justify-end truncate">
              {l}
            </li>
          ))}
        </ol>
        <canvas
          ref={ref}
          width={layer.inSize}
          height={layer.outSize}
          role="img"
          aria-label={`Heatmap of ${name}: ${layer.outSize} rows by ${layer.inSize} columns, weights from ${(-limit).toFixed(2)} (blue) to ${limit.toFixed(2)} (orange)`}
          className="min-w-48 flex-1 border border-stone-200 dark:border-stone-700"
          style={{ height: rowPx * layer.outSize, imageRendering: 'pixelated' }}
        />
      </div>
      <figcaption className="text-xs text-stone-500">
        {name}: one column per input number, one row per output; blue pulls the output down, orange up (strongest ±{limit.toFixed(2)}).
      </figcaption>
      <details className="text-xs">
        <summary className="cursor-pointer">{name} row by row as a table</summary>
        <table className="mt-1">
          <thead>
            <tr>
              <th scope="col" className="pr-2 text-left">Row</th>
              <th scope="col" className="pr-2 text-right">Bias</th>
              <th scope="col" className="text-left">Strongest weights (input index: weight)</th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {rowLabels.map((l, r) => (
              <tr key={r}>
                <th scope="row" className="pr-2 text-left font-medium">{l}</th>
                <td className="pr-2 text-right">{(layer.bias[r] as number).toFixed(3)}</td>
                <td>{strongest(layer, r).map((s) => `${s.i}: ${s.w.toFixed(3)}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
