import type { FormProps } from '@/hats/types';
import { TextField } from '@/components/ui/TextField';
import { MAX_CHOICES, type MultipleChoiceParams } from './params';

const smallButton =
  'rounded-lg border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100 focus-visible:ring-2 focus-visible:ring-amber-500 disabled:opacity-50 dark:border-stone-600 dark:hover:bg-stone-800';

export default function Form({ params, onChange }: FormProps<MultipleChoiceParams>) {
  const setChoice = (i: number, text: string) => onChange({ ...params, choices: params.choices.map((c, j) => (j === i ? text : c)) });
  const remove = (i: number) => onChange({ ...params, choices: params.choices.filter((_, j) => j !== i) });
  return (
    <div className="flex flex-col gap-3">
      <TextField label="Context" value={params.context} onChange={(context) => onChange({ ...params, context })} rows={2} />
      <p className="text-xs text-stone-500">
        Each choice is read together with the context as one pair, [CLS] context [SEP] choice [SEP]; the model scores every pair
        and the scores are compared.
      </p>
      <ol className="flex flex-col gap-2">
        {params.choices.map((choice, i) => (
          <li key={i} className="flex items-end gap-2">
            <div className="flex-1">
              <TextField label={`Choice ${i + 1}`} value={choice} onChange={(text) => setChoice(i, text)} rows={1} />
            </div>
            <button type="button" className={smallButton} onClick={() => remove(i)} aria-label={`Remove choice ${i + 1}`}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className={smallButton}
          disabled={params.choices.length >= MAX_CHOICES}
          onClick={() => onChange({ ...params, choices: [...params.choices, ''] })}
        >
          Add a choice
        </button>
        <span className="ml-2 text-xs text-stone-500">2 to {MAX_CHOICES} choices.</span>
      </div>
    </div>
  );
}
