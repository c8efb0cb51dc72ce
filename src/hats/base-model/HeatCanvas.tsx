import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { heatColour, legendGradient } from './heat-scale';
import { fixed } from './summary';
import type { FloatMatrix } from './vectors';

interface Props {
  m: FloatMatrix;
  /** Values at or past ±limit get the strongest colour. */
  limit: number;
  rowLabels: string[];
  /** Accessible name of the picture; the numbers themselves are in a table next to it. */
  label: string;
  /** Text for the cell under the pointer. */
  describe: (row: number, col: number, value: number) => string;
  /** Pixels per cell side; omitted: columns stretch to the panel's width. */
  square?: number;
  rowTestId?: string;
}

const ROW = 16;

/** A matrix painted one pixel per cell, then scaled up without smoothing, with its tokens beside it. */
export function HeatCanvas({ m, limit, rowLabels, label, describe, square, rowTestId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState('');
  const rowPx = square ?? ROW;

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || m.rows === 0 || m.cols === 0) return; // no canvas in jsdom
    const img = ctx.createImageData(m.cols, m.rows);
    m.data.forEach((v, i) => img.data.set([...heatColour(v, limit), 255], i * 4));
    ctx.putImageData(img, 0, 0);
  }, [m, limit]);

  const onMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const col = Math.min(m.cols - 1, Math.floor(((e.clientX - box.left) / box.width) * m.cols));
    const r = Math.min(m.rows - 1, Math.floor(((e.clientY - box.top) / box.height) * m.rows));
    if (col >= 0 && r >= 0) setHover(describe(r, col, m.data[r * m.cols + col]!));
  };

  return (
    <div className="flex flex-col gap-1">
      <div className="max-h-96 overflow-auto rounded border border-stone-200 dark:border-stone-700">
        <div className="flex w-max min-w-full">
          <ol aria-hidden="true" className="shrink-0 font-mono text-[11px] leading-none">
            {rowLabels.map((t, i) => (
              <li key={i} data-testid={rowTestId} style={{ height: rowPx }} className="flex max-w-40 items-center justify-end truncate pr-1">
                {t}
              </li>
            ))}
          </ol>
          <canvas
            ref={ref}
            width={m.cols}
            height={m.rows}
            role="img"
            aria-label={label}
            onMouseMove={onMove}
            onMouseLeave={() => setHover('')}
            className={square ? 'shrink-0' : 'grow'}
            style={{
              height: m.rows * rowPx,
              width: square ? m.cols * square : undefined,
              minWidth: square ? undefined : Math.min(m.cols, 1024),
              imageRendering: 'pixelated',
            }}
          />
        </div>
      </div>
      <p className="h-4 font-mono text-xs text-stone-600 dark:text-stone-400">{hover || 'Point at a cell to read its value.'}</p>
    </div>
  );
}

/** The colour scale, with the clipping said out loud. */
export function HeatLegend({ limit, clipped }: { limit: number; clipped: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-x-2 text-xs" data-testid="heat-legend">
      <span className="whitespace-nowrap font-mono">
        {clipped ? '≤ ' : ''}−{fixed(limit, 2)}
      </span>
      <span aria-hidden="true" className="h-3 w-40 rounded border border-stone-300" style={{ background: legendGradient() }} />
      <span className="whitespace-nowrap font-mono">
        {clipped ? '≥ ' : ''}+{fixed(limit, 2)}
      </span>
      <span className="text-stone-500">blue below zero, orange above, near-white about 0{clipped ? '; larger values are clipped to the ends' : ''}</span>
    </div>
  );
}
