import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
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
  /** Text for the chosen cell. */
  describe: (row: number, col: number, value: number) => string;
  /** Pixels per cell side; omitted: columns stretch to the panel's width. */
  square?: number;
  rowTestId?: string;
}

const ROW = 16;

/** A matrix painted one pixel per cell, then scaled up without smoothing, with its tokens beside it. */
export function HeatCanvas({ m, limit, rowLabels, label, describe, square, rowTestId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  // The cell being read: under the mouse, last tapped, or moved to with the arrow keys.
  const [cell, setCell] = useState<{ r: number; c: number } | null>(null);
  const readoutId = useId();
  const rowPx = square ?? ROW;

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || m.rows === 0 || m.cols === 0) return; // no canvas in jsdom
    const img = ctx.createImageData(m.cols, m.rows);
    m.data.forEach((v, i) => img.data.set([...heatColour(v, limit), 255], i * 4));
    ctx.putImageData(img, 0, 0);
  }, [m, limit]);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const c = Math.min(m.cols - 1, Math.floor(((e.clientX - box.left) / box.width) * m.cols));
    const r = Math.min(m.rows - 1, Math.floor(((e.clientY - box.top) / box.height) * m.rows));
    if (c >= 0 && r >= 0) setCell({ r, c });
  };
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const from = cell ?? { r: 0, c: 0 };
    const moves: Record<string, { r: number; c: number }> = {
      ArrowUp: { r: from.r - 1, c: from.c },
      ArrowDown: { r: from.r + 1, c: from.c },
      ArrowLeft: { r: from.r, c: from.c - 1 },
      ArrowRight: { r: from.r, c: from.c + 1 },
      Home: { r: from.r, c: 0 },
      End: { r: from.r, c: m.cols - 1 },
    };
    const to = moves[e.key];
    if (!to) return;
    // The arrows are the picture's own here, not presenter mode's.
    e.preventDefault();
    setCell(cell ? { r: Math.max(0, Math.min(m.rows - 1, to.r)), c: Math.max(0, Math.min(m.cols - 1, to.c)) } : from);
  };
  const value = cell ? m.data[cell.r * m.cols + cell.c] : undefined;

  return (
    <div className="flex flex-col gap-1" data-testid="heat-canvas">
      <div className="max-h-96 overflow-auto rounded border border-stone-200 dark:border-stone-700">
        <div className="flex w-max min-w-full">
          <ol aria-hidden="true" className="shrink-0 font-mono text-[11px] leading-none">
            {rowLabels.map((t, i) => (
              <li key={i} data-testid={rowTestId} style={{ height: rowPx }} className="flex max-w-40 items-center justify-end truncate pr-1">
                {t}
              </li>
            ))}
          </ol>
          <div className={`relative ${square ? 'shrink-0' : 'grow'}`}>
            <canvas
              ref={ref}
              width={m.cols}
              height={m.rows}
              role="img"
              aria-label={`${label}. Arrow keys move between cells; the value is read out below.`}
              tabIndex={0}
              aria-describedby={readoutId}
              onPointerDown={at}
              onPointerMove={(e) => {
                if (e.pointerType === 'mouse') at(e);
              }}
              onKeyDown={onKey}
              className="block w-full touch-manipulation focus-visible:outline-2 focus-visible:outline-amber-600"
              style={{
                height: m.rows * rowPx,
                width: square ? m.cols * square : undefined,
                minWidth: square ? undefined : Math.min(m.cols, 1024),
                imageRendering: 'pixelated',
              }}
            />
            {cell && (
              <span
                aria-hidden="true"
                data-testid="heat-cell-marker"
                className="pointer-events-none absolute border-2 border-amber-500"
                style={{ left: `${(cell.c / m.cols) * 100}%`, width: `max(4px, ${100 / m.cols}%)`, top: cell.r * rowPx, height: rowPx }}
              />
            )}
          </div>
        </div>
      </div>
      <p id={readoutId} aria-live="polite" data-testid="heat-readout" className="min-h-4 font-mono text-xs text-stone-600 dark:text-stone-400">
        {cell && value !== undefined ? describe(cell.r, cell.c, value) : 'Tap a cell, or focus the picture and use the arrow keys, to read its value.'}
      </p>
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
