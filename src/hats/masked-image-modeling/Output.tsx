import { useId, useMemo, useState, type ReactNode } from 'react';
import type { OutputProps } from '@/hats/types';
import type { MimOutput } from './output';
import type { MimParams } from './params';
import { PatchButtons } from './PatchButtons';
import { PatchTable, rgbText, Swatch } from './PatchTable';
import { GridLines, RgbCanvas } from '@/components/ui/RgbCanvas';

/** The original with its hidden patches greyed out, as the encoder does not see them. */
function maskedPicture(o: MimOutput): Uint8ClampedArray {
  const { grid, patchSize: p, imageSize: size } = o.model;
  const out = Uint8ClampedArray.from(o.original);
  for (const i of o.hidden) {
    const [pr, pc] = [Math.floor(i / grid), i % grid];
    for (let y = 0; y < p; y++) for (let x = 0; x < p; x++) out.fill(128, ((pr * p + y) * size + pc * p + x) * 3, ((pr * p + y) * size + pc * p + x) * 3 + 3);
  }
  return out;
}

export default function Output({ params, output: o, onChange }: OutputProps<MimParams, MimOutput>) {
  const id = useId();
  const [showGrid, setShowGrid] = useState(true);
  const masked = useMemo(() => maskedPicture(o), [o]);
  const hidden = useMemo(() => new Set(o.hidden), [o.hidden]);
  const { grid, imageSize: size } = o.model;
  const total = grid * grid;
  const toggle = (i: number) => {
    const next = new Set(o.hidden);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    onChange({ ...params, patches: [...next].sort((a, b) => a - b) });
  };
  const panel = (title: string, body: ReactNode) => (
    <figure className="mx-auto flex w-full max-w-64 min-w-0 flex-col gap-1 min-[480px]:max-w-none">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div className="relative overflow-hidden rounded border border-stone-300 dark:border-stone-600">{body}</div>
    </figure>
  );
  return (
    <div data-testid="mim-output" data-mask={o.maskKey} className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-3">
        {panel('Original', <><RgbCanvas rgb={o.original} size={size} label={`${o.imageLabel}, as the model reads it (${size} × ${size})`} testId="mim-original" />{showGrid && <GridLines grid={grid} />}</>)}
        {panel(
          'Masked: what the encoder sees',
          <>
            <RgbCanvas rgb={masked} size={size} label={`${o.imageLabel} with ${o.hidden.length} of ${total} patches greyed out`} testId="mim-masked" />
            {showGrid && <GridLines grid={grid} />}
            <PatchButtons grid={grid} hidden={hidden} onToggle={toggle} />
          </>,
        )}
        {panel('Reconstruction', <><RgbCanvas rgb={o.reconstruction} size={size} label={`The visible patches with the decoder's ${o.hidden.length} predicted patches filled in`} testId="mim-reconstruction" />{showGrid && <GridLines grid={grid} />}</>)}
      </div>
      <label htmlFor={`${id}-grid`} className="flex items-center gap-2 text-sm">
        <input id={`${id}-grid`} type="checkbox" checked={showGrid} onChange={(e) => setShowGrid(e.target.checked)} />
        Show the patch grid ({grid} × {grid} patches of {o.model.patchSize} × {o.model.patchSize} pixels)
      </label>
      <div className="text-sm" data-testid="mim-summary">
        <p>
          <span data-testid="mim-hidden-count">{o.hidden.length}</span> of {total} patches hidden (
          {o.mode === 'random' ? `random, mask ratio ${params.mask_ratio}, seed ${params.seed}` : 'picked by hand'}); the encoder saw the other{' '}
          {total - o.hidden.length} ({Math.round(((total - o.hidden.length) / total) * 100)}%).
        </p>
        <p>
          Mean squared error on the hidden patches (pixels 0–1): <strong data-testid="mim-mse">{o.mse === null ? 'nothing is hidden' : o.mse.toFixed(4)}</strong>
        </p>
        <p>
          Mean colour of the visible patches: <Swatch colour={o.visibleMean} />
          <span data-testid="mim-visible-mean" className="font-mono">{rgbText(o.visibleMean)}</span>
        </p>
      </div>
      {o.notes.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-stone-600 dark:text-stone-400" data-testid="mim-notes">
          {o.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {o.rows.length > 0 && <PatchTable rows={o.rows} />}
    </div>
  );
}
