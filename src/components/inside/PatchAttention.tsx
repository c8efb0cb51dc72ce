import { useRef, type KeyboardEvent } from 'react';
import type { InsidePicture } from '@/lib/inside';
import { RgbCanvas } from '@/components/ui/RgbCanvas';
import { stepPatch } from './patch-steps';

interface Props {
  picture: InsidePicture;
  /** Per token: its patch in the grid, or null ([CLS]). */
  patches: readonly (number | null)[];
  labels: readonly string[];
  /** The shown head's weights [query][key]. */
  weights: number[][];
  query: number | null;
  onQuery(query: number): void;
}

const UNSEEN = 'repeating-linear-gradient(45deg, rgb(87 83 78 / 0.7) 0 3px, rgb(231 229 228 / 0.45) 3px 6px)';

/*
 * Attention drawn over the picture: pick a patch (tap, or the arrows: one tab stop) and every patch
 * it reads is tinted by the weight it gives it, darkest where it looks most (scaled to the row's
 * largest weight, so small weights over many patches still show; the numbers are in the table).
 * Patches this attention never read are hatched. [CLS] has no place on the picture: it is a button.
 */
export function PatchAttention({ picture, patches, labels, weights, query, onQuery }: Props) {
  const { grid } = picture;
  const tokenAt = new Map<number, number>();
  patches.forEach((p, t) => p !== null && tokenAt.set(p, t));
  const seen = [...tokenAt.keys()];
  const cls = patches.indexOf(null);
  const row = query !== null ? weights[query] : undefined;
  const top = row ? Math.max(...row, 1e-9) : 1;
  const focusPatch = query !== null && patches[query] != null ? patches[query] : Math.min(...seen);
  const refs = useRef(new Map<number, HTMLButtonElement>());
  const onKey = (e: KeyboardEvent, from: number) => {
    const to = stepPatch(seen, grid, from, e.key);
    if (to === null) return;
    e.preventDefault();
    onQuery(tokenAt.get(to)!);
    refs.current.get(to)?.focus();
  };
  const weightOf = (t: number | undefined) => (row && t !== undefined ? row[t] : undefined);

  return (
    <div className="flex flex-col gap-2" data-testid="patch-attention">
      <div className="relative w-full max-w-[320px]">
        <RgbCanvas rgb={picture.rgb} size={picture.size} label={`${picture.label}, as the model read it`} />
        <div role="radiogroup" aria-label="Pick a patch to see where it looks" className="absolute inset-0 grid" style={{ gridTemplateColumns: `repeat(${grid}, 1fr)` }}>
          {Array.from({ length: grid * grid }, (_, p) => {
            const t = tokenAt.get(p);
            const w = weightOf(t);
            if (t === undefined) return <div key={p} data-testid="patch-cell" data-patch={p} data-seen="false" aria-hidden="true" style={{ background: UNSEEN }} />;
            return (
              <button
                key={p}
                ref={(el) => {
                  if (el) refs.current.set(p, el);
                  else refs.current.delete(p);
                }}
                type="button"
                role="radio"
                aria-checked={query === t}
                aria-label={`Patch ${labels[t]}${w !== undefined ? `, weight ${w.toFixed(3)}` : ''}`}
                tabIndex={p === focusPatch ? 0 : -1}
                data-testid="patch-cell"
                data-patch={p}
                data-seen="true"
                data-token={labels[t]}
                data-weight={w?.toFixed(3)}
                onClick={() => onQuery(t)}
                onKeyDown={(e) => onKey(e, p)}
                className={`min-h-0 min-w-0 focus-visible:relative focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-amber-500 ${query === t ? 'outline outline-2 -outline-offset-2 outline-sky-500' : ''}`}
                style={{ background: w !== undefined ? `rgb(120 53 15 / ${(0.85 * (1 - w / top)).toFixed(3)})` : undefined }}
              />
            );
          })}
        </div>
      </div>
      <p className="text-xs text-stone-500">
        Pick a patch (or use the arrow keys): the brighter a patch, the more of its attention goes there, scaled to the patch it looks at most. Hatched patches were not read.
      </p>
      {cls >= 0 && (
        <button type="button" aria-pressed={query === cls} className="btn self-start px-1.5 py-0.5 text-sm" data-testid="patch-cls" data-weight={weightOf(cls)?.toFixed(3)} onClick={() => onQuery(cls)}>
          {labels[cls]} (no place on the picture){weightOf(cls) !== undefined ? `: ${weightOf(cls)!.toFixed(3)}` : ''}
        </button>
      )}
    </div>
  );
}
