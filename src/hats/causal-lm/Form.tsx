import type { FormProps } from '@/hats/types';
import { PaceToggle } from '@/components/ui/PaceToggle';
import { TextField } from '@/components/ui/TextField';
import { NumberField } from './NumberField';
import { clampSettings, RANGES, type CausalParams } from './params';

export default function Form({ params, onChange, facts }: FormProps<CausalParams>) {
  const set = (next: Partial<CausalParams>) => onChange({ ...params, ...next });
  const sampling = params.temperature > 0;
  const { notes } = clampSettings(params);
  const r = RANGES;
  return (
    <div className="flex flex-col gap-3">
      <TextField label="Prompt" value={params.text} onChange={(text) => set({ text })} rows={3} placeholder="Empty: the model starts from its start token" />
      {params.text === '' && (
        <p className="text-xs text-stone-600 dark:text-stone-400" data-testid="empty-prompt-hint">
          The prompt is empty: the model starts from its start token (GPT-2&apos;s &lt;|endoftext|&gt;) and writes whatever it finds most likely.
        </p>
      )}
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="mb-1 text-sm font-medium text-stone-700 dark:text-stone-300">Decoding</legend>
        <label className="flex items-center gap-1 text-sm">
          <input type="radio" name="decoding" checked={!sampling} onChange={() => set({ temperature: 0 })} />
          Greedy (always the most likely token)
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="radio" name="decoding" checked={sampling} onChange={() => set({ temperature: 1 })} />
          Sample (seeded, so a link gives the same text)
        </label>
      </fieldset>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <NumberField
          label={r.max_new_tokens.label}
          value={params.max_new_tokens}
          min={r.max_new_tokens.min}
          max={r.max_new_tokens.max}
          step={1}
          hint={facts?.maxPositions ? `window ${facts.maxPositions} tokens` : undefined}
          onChange={(max_new_tokens) => set({ max_new_tokens })}
        />
        {sampling && (
          <>
            <NumberField label={r.temperature.label} value={params.temperature} min={0} max={2} step={0.1} hint="0 = greedy" onChange={(temperature) => set({ temperature })} />
            <NumberField label={r.top_k.label} value={params.top_k} min={0} max={1000} step={1} hint="0 = no limit" onChange={(top_k) => set({ top_k })} />
            <NumberField label={r.top_p.label} value={params.top_p} min={0} max={1} step={0.05} hint="1 = no limit" onChange={(top_p) => set({ top_p })} />
            <NumberField label={r.seed.label} value={params.seed} min={0} max={r.seed.max} step={1} onChange={(seed) => set({ seed })} />
          </>
        )}
      </div>
      <PaceToggle pace={params.pace} onChange={(pace) => set({ pace })} />
      {notes.length > 0 && (
        <ul role="status" data-testid="settings-notes" className="list-disc pl-5 text-xs text-amber-800 dark:text-amber-300">
          {notes.map((n) => (
            <li key={n}>{n} (the run uses the clamped value)</li>
          ))}
        </ul>
      )}
    </div>
  );
}
