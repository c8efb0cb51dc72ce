import { useId } from 'react';
import type { FormProps } from '@/hats/types';
import { TextField } from '@/components/ui/TextField';
import { countMasks } from './masks';
import type { PretrainingParams, TrueRelation } from './params';

const relations: { value: TrueRelation; label: string }[] = [
  { value: '', label: 'not given' },
  { value: 'true', label: 'IsNext (B follows A)' },
  { value: 'false', label: 'NotNext (B is random)' },
];

export default function Form({ params, onChange, facts }: FormProps<PretrainingParams>) {
  const id = useId();
  const mask = facts?.maskToken ?? '[MASK]';
  const maskCount = countMasks(params.sentence_a, mask) + countMasks(params.sentence_b, mask);
  const setLabel = (i: number, value: string) => {
    const labels = Array.from({ length: Math.max(params.labels.length, i + 1) }, (_, j) => params.labels[j] ?? '');
    labels[i] = value;
    onChange({ ...params, labels });
  };
  return (
    <div className="flex flex-col gap-3">
      <TextField label="Sentence A" value={params.sentence_a} onChange={(sentence_a) => onChange({ ...params, sentence_a })} rows={2} />
      <TextField label="Sentence B" value={params.sentence_b} onChange={(sentence_b) => onChange({ ...params, sentence_b })} rows={2} />
      <fieldset className="flex flex-col gap-2 rounded-lg border border-stone-300 p-2 dark:border-stone-600">
        <legend className="px-1 text-sm font-medium">The answers, for the loss (optional)</legend>
        {maskCount === 0 && <p className="text-xs text-stone-500">Put {mask} in a sentence to give its true token here.</p>}
        <div className="flex flex-wrap gap-3">
          {Array.from({ length: maskCount }, (_, i) => (
            <div key={i} className="flex flex-col gap-1">
              <label htmlFor={`${id}-label-${i}`} className="text-xs">
                True token for mask {i + 1}
              </label>
              <input
                id={`${id}-label-${i}`}
                value={params.labels[i] ?? ''}
                onChange={(e) => setLabel(i, e.target.value)}
                spellCheck={false}
                className="w-36 rounded border border-stone-300 bg-white px-2 py-1 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
              />
            </div>
          ))}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-relation`} className="text-xs">
            Does B really follow A?
          </label>
          <select
            id={`${id}-relation`}
            value={params.is_next}
            onChange={(e) => onChange({ ...params, is_next: e.target.value as TrueRelation })}
            className="w-56 rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-900"
          >
            {relations.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </div>
  );
}
