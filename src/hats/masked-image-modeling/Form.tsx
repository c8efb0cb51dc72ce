import { useId } from 'react';
import type { FormProps } from '@/hats/types';
import { ImagePicker } from './ImagePicker';
import { MAX_MASK_RATIO, MAX_SEED, type MimParams } from './params';

const field = 'rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-900';

export default function Form({ params, onChange }: FormProps<MimParams>) {
  const id = useId();
  const picked = params.patches !== null;
  return (
    <div className="flex flex-col gap-3">
      <ImagePicker params={params} onChange={onChange} />
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-ratio`} className="text-sm font-medium">
            Mask ratio
          </label>
          <div className="flex items-center gap-2">
            <input
              id={`${id}-ratio`}
              type="range"
              min={0}
              max={MAX_MASK_RATIO}
              step={0.05}
              value={params.mask_ratio}
              disabled={picked}
              aria-describedby={picked ? `${id}-picked` : undefined}
              onChange={(e) => onChange({ ...params, mask_ratio: Number(e.target.value) })}
              className="w-40 accent-amber-500"
            />
            <output htmlFor={`${id}-ratio`} className="w-12 font-mono text-sm">
              {Math.round(params.mask_ratio * 100)}%
            </output>
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-seed`} className="text-sm font-medium">
            Seed
          </label>
          <input
            id={`${id}-seed`}
            type="number"
            min={0}
            max={MAX_SEED}
            step={1}
            value={params.seed}
            disabled={picked}
            onChange={(e) => {
              const seed = Number(e.target.value);
              if (Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) onChange({ ...params, seed });
            }}
            className={`${field} w-32 font-mono`}
          />
        </div>
        <button type="button" className="btn" disabled={picked} onClick={() => onChange({ ...params, seed: Math.floor(Math.random() * 1_000_000) })}>
          New random mask
        </button>
      </div>
      {/* Both notes share one grid cell, the other one invisible, so the first patch click does not move the picture below by a line. */}
      <div className="grid">
        <p id={`${id}-picked`} className={`flex flex-wrap items-center gap-2 text-sm [grid-area:1/1] ${picked ? '' : 'invisible'}`} aria-hidden={!picked} inert={!picked}>
          You picked {params.patches?.length ?? 0} hidden patches by hand (click patches in the masked picture to change them).
          <button type="button" className="btn" onClick={() => onChange({ ...params, patches: null })}>
            Back to the random mask
          </button>
        </p>
        <p className={`text-xs text-stone-600 [grid-area:1/1] dark:text-stone-400 ${picked ? 'invisible' : ''}`} aria-hidden={picked}>
          The seed fixes which patches are hidden, so a share link shows the same mask. Click patches in the masked picture to pick them yourself.
        </p>
      </div>
    </div>
  );
}
