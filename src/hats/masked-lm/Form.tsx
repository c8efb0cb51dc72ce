import { useId } from 'react';
import type { FormProps } from '@/hats/types';
import { TextField } from '@/components/ui/TextField';
import type { MaskedLmParams } from './params';

export default function Form({ params, onChange, facts }: FormProps<MaskedLmParams>) {
  const id = useId();
  const mask = facts?.maskToken ?? '[MASK]';
  return (
    <div className="flex flex-col gap-3">
      <TextField label={`Text with ${mask} where words are hidden`} value={params.text} onChange={(text) => onChange({ ...params, text })} rows={3} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button
          type="button"
          onClick={() => onChange({ ...params, text: `${params.text.trimEnd()} ${mask}` })}
          className="rounded-lg border border-stone-300 px-2 py-1 hover:bg-stone-100 focus-visible:ring-2 focus-visible:ring-amber-500 dark:border-stone-600 dark:hover:bg-stone-800"
        >
          Add {mask} at the end
        </button>
        <label htmlFor={id}>Guesses per mask</label>
        <input
          id={id}
          type="number"
          min={1}
          max={20}
          value={params.top_k}
          onChange={(e) => {
            const k = Math.round(Number(e.target.value));
            if (k >= 1 && k <= 20) onChange({ ...params, top_k: k });
          }}
          className="w-16 rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900"
        />
      </div>
    </div>
  );
}
