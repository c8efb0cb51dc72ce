import { useId } from 'react';
import type { FormProps } from '@/hats/types';
import { TextField } from '@/components/ui/TextField';
import { STRATEGIES, STRATEGY_NOTES } from './aggregate';
import type { TokenClsParams } from './params';

export default function Form({ params, onChange }: FormProps<TokenClsParams>) {
  const name = useId();
  return (
    <div className="flex flex-col gap-3">
      <TextField label="Text" value={params.text} onChange={(text) => onChange({ ...params, text })} rows={3} />
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="font-medium text-stone-700 dark:text-stone-300">Aggregation: how tokens become entities</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {STRATEGIES.map((s) => (
            <label key={s} className="flex items-center gap-1" title={STRATEGY_NOTES[s]}>
              <input
                type="radio"
                name={name}
                value={s}
                checked={params.aggregation === s}
                onChange={() => onChange({ ...params, aggregation: s })}
                className="accent-amber-500"
              />
              <code>{s}</code>
            </label>
          ))}
        </div>
        <p className="text-xs text-stone-500" data-testid="strategy-note">
          <code>{params.aggregation}</code>: {STRATEGY_NOTES[params.aggregation]}.
        </p>
      </fieldset>
    </div>
  );
}
