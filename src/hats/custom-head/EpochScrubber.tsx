import { useId } from 'react';
import type { EpochHead } from './types';

interface Props {
  snapshots: EpochHead[];
  bestEpoch?: number;
  /** The index of the worn head among the snapshots. */
  index: number;
  onHead: (head: string) => void;
}

/**
 * A slider over the trained epochs: the page wears the head as it stood after the chosen epoch, so
 * the live prediction, the weights and the curve's mark show it learning (and, past the best epoch,
 * overfitting). It starts on the best epoch, the head training kept.
 */
export function EpochScrubber({ snapshots, bestEpoch, index, onHead }: Props) {
  const id = useId();
  const shown = snapshots[index];
  const best = snapshots.find((s) => s.epoch === bestEpoch);
  if (!shown || snapshots.length < 2) return null;
  const last = snapshots[snapshots.length - 1] as EpochHead;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="epoch-scrubber" data-epoch={shown.epoch}>
      <label htmlFor={id} className="font-medium">
        Wear the head from epoch
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={snapshots.length - 1}
        step={1}
        value={index}
        aria-valuetext={`epoch ${shown.epoch}`}
        className="min-w-40 flex-1 accent-blue-600"
        onChange={(e) => {
          const next = snapshots[Number(e.target.value)];
          if (next) onHead(next.head);
        }}
      />
      {/* Fixed width, so the slider does not move under the pointer as the number changes. */}
      <output htmlFor={id} data-testid="scrubber-epoch" className="w-[20ch] shrink-0 font-mono">
        {shown.epoch} of {last.epoch}
        {shown.epoch === bestEpoch ? ' (best)' : ''}
      </output>
      <button type="button" className="btn py-0.5 text-xs" disabled={!best || best === shown} onClick={() => best && onHead(best.head)}>
        Back to the best epoch
      </button>
    </div>
  );
}
