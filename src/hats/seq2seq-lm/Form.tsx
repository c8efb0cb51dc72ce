import { useEffect, useId, useState } from 'react';
import type { FormProps } from '@/hats/types';
import { PaceToggle } from '@/components/ui/PaceToggle';
import { TextField } from '@/components/ui/TextField';
import { addedPrefix, clampNewTokens, isTask, MAX_NEW_TOKENS, MIN_NEW_TOKENS, PRESETS, TASKS, type Seq2SeqParams } from './params';

const field =
  'rounded-lg border border-stone-300 bg-white p-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 dark:border-stone-600 dark:bg-stone-900';

export default function Form({ params, onChange }: FormProps<Seq2SeqParams>) {
  const taskId = useId();
  const maxId = useId();
  const { prefix, typed } = addedPrefix(params);
  // The number is typed freely and checked when the field is left (or Enter is pressed).
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // Fetch the output view (and its chart library) while the model downloads, not when the first token streams in.
  useEffect(() => {
    void import('./Output');
  }, []);
  const commit = () => {
    if (draft === null) return;
    const { value, note: why } = clampNewTokens(draft.trim() === '' ? Number.NaN : Number(draft));
    setNote(why ?? null);
    setDraft(null);
    if (value !== params.max_new_tokens) onChange({ ...params, max_new_tokens: value });
  };
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={taskId} className="text-sm font-medium text-stone-700 dark:text-stone-300">
            Task
          </label>
          <select
            id={taskId}
            className={field}
            value={params.task}
            onChange={(e) => {
              if (isTask(e.target.value)) onChange({ ...params, task: e.target.value });
            }}
          >
            {TASKS.map((t) => (
              <option key={t} value={t}>
                {PRESETS[t].label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={maxId} className="text-sm font-medium text-stone-700 dark:text-stone-300">
            Max new tokens
          </label>
          <input
            id={maxId}
            type="number"
            inputMode="numeric"
            min={MIN_NEW_TOKENS}
            max={MAX_NEW_TOKENS}
            className={`${field} w-28`}
            value={draft ?? String(params.max_new_tokens)}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
            }}
            aria-describedby={note ? `${maxId}-note` : undefined}
          />
        </div>
      </div>
      {note && (
        <p id={`${maxId}-note`} role="status" data-testid="clamp-note" className="text-xs text-amber-800 dark:text-amber-300">
          {note}
        </p>
      )}
      <TextField label="Text" value={params.text} onChange={(text) => onChange({ ...params, text })} rows={3} />
      <p className="text-xs text-stone-600 dark:text-stone-400" data-testid="encoder-source">
        The encoder reads:{' '}
        <span className="font-mono">
          {prefix && <mark className="rounded bg-sky-100 px-0.5 text-stone-900 dark:bg-sky-900 dark:text-stone-100">{prefix}</mark>}
          {params.text || <em>(nothing yet)</em>}
        </span>
        {prefix
          ? ' (the highlighted prefix is how T5 was told the task while it was trained)'
          : typed
            ? ` (your text already starts with “${typed}”, so the page adds no prefix of its own)`
            : ' (no prefix: the text is the whole instruction)'}
      </p>
      <PaceToggle pace={params.pace} onChange={(pace) => onChange({ ...params, pace })} />
    </div>
  );
}
