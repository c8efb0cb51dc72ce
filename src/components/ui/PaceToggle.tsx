import { SLOW_STEP_MS, type Pace } from '@/lib/pace';

interface Props {
  pace: Pace;
  onChange: (pace: Pace) => void;
}

/** "Slow motion" for the generation hats: one token at a time, at a pace a class can follow. */
export function PaceToggle({ pace, onChange }: Props) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={pace === 'slow'} onChange={(e) => onChange(e.target.checked ? 'slow' : 'fast')} />
      Slow motion: one token every {SLOW_STEP_MS / 1000} s, to follow each step
    </label>
  );
}
