import { useId, useState } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  hint?: string;
  onChange: (value: number) => void;
}

/** A labelled number input that keeps what the person typed while it is not a number yet (e.g. "0."). */
export function NumberField({ label, value, min, max, step, hint, onChange }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-700 dark:text-stone-300">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={draft ?? String(value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          const n = Number(text);
          if (text.trim() !== '' && Number.isFinite(n)) {
            setDraft(null);
            onChange(n);
          } else setDraft(text);
        }}
        onBlur={() => setDraft(null)}
        className="w-full rounded-lg border border-stone-300 bg-white p-1.5 font-mono text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 dark:border-stone-600 dark:bg-stone-900"
      />
      {hint && (
        <span id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </span>
      )}
    </div>
  );
}
