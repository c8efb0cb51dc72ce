import { useId } from 'react';

interface Props {
  label: string;
  value: number | string;
  /** Numbered choices 1 … count. */
  count: number;
  /** Other choices before and after the numbers, e.g. the embeddings (0) or all heads. */
  before?: [string, string][];
  after?: [string, string][];
  /** Marks the last number, e.g. " (last)". */
  lastNote?: string;
  onChange(value: string): void;
}

/** A labelled select of 1 … count (layers or heads), with a few named extras. */
export function LayerPicker({ label, value, count, before = [], after = [], lastNote = '', onChange }: Props) {
  const id = useId();
  const extra = ([v, text]: [string, string]) => (
    <option key={v} value={v}>
      {text}
    </option>
  );
  return (
    <div className="flex max-w-full flex-col text-sm">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="max-w-full rounded border px-2 py-1 dark:bg-stone-900" value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {before.map(extra)}
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i + 1}>
            {i + 1}
            {i + 1 === count ? lastNote : ''}
          </option>
        ))}
        {after.map(extra)}
      </select>
    </div>
  );
}
