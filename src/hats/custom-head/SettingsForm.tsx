import type { ReactNode } from 'react';
import { MAX_EPOCHS, MAX_HIDDEN_UNITS } from './training/run-training';
import type { TrainSettings } from './types';

const control =
  'w-full rounded border border-stone-300 bg-white px-1.5 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 disabled:opacity-50 dark:border-stone-600 dark:bg-stone-900';

function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <label className="flex flex-col gap-0.5 text-sm">
      <span className="font-medium">{label}</span>
      {children}
      {hint && <span className="text-xs text-stone-500">{hint}</span>}
    </label>
  );
}

interface Props {
  settings: TrainSettings;
  onChange: (next: TrainSettings) => void;
  disabled: boolean;
}

/** The head's shape and how it is trained. Out-of-range numbers are clamped by the worker. */
export function SettingsForm({ settings: s, onChange, disabled }: Props) {
  const set = <K extends keyof TrainSettings>(key: K, value: TrainSettings[K]) => onChange({ ...s, [key]: value });
  const number = (key: 'learningRate' | 'epochs' | 'hiddenSize' | 'seed', raw: string) => {
    const n = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(n)) set(key, n);
  };
  return (
    <fieldset disabled={disabled} className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      <legend className="sr-only">Training settings</legend>
      <Field label="Task">
        <select className={control} value={s.task} onChange={(e) => onChange({ ...s, task: e.target.value === 'regression' ? 'regression' : 'classification', architecture: e.target.value === 'regression' ? 'linear' : s.architecture })}>
          <option value="classification">Classification (softmax)</option>
          <option value="regression">Regression (a number, MSE)</option>
        </select>
      </Field>
      <Field label="Head" hint={s.task === 'regression' ? 'Regression heads here are linear.' : undefined}>
        <select className={control} value={s.task === 'regression' ? 'linear' : s.architecture} disabled={s.task === 'regression'} onChange={(e) => set('architecture', e.target.value === 'mlp' ? 'mlp' : 'linear')}>
          <option value="linear">Linear: W·h + b</option>
          <option value="mlp">One hidden layer (ReLU)</option>
        </select>
      </Field>
      <Field label="Hidden units">
        <input type="number" className={control} min={1} max={MAX_HIDDEN_UNITS} value={s.hiddenSize} disabled={s.architecture !== 'mlp' || s.task === 'regression'} onChange={(e) => number('hiddenSize', e.target.value)} />
      </Field>
      <Field label="Learning rate">
        <input type="number" className={control} min={0.0001} max={10} step="any" value={s.learningRate} onChange={(e) => number('learningRate', e.target.value)} />
      </Field>
      <Field label="Epochs">
        <input type="number" className={control} min={1} max={MAX_EPOCHS} value={s.epochs} onChange={(e) => number('epochs', e.target.value)} />
      </Field>
      <Field label={`Held out: ${Math.round(s.heldOut * 100)}%`}>
        <input type="range" className="accent-amber-600" min={0} max={50} step={5} value={Math.round(s.heldOut * 100)} onChange={(e) => set('heldOut', Number(e.target.value) / 100)} />
      </Field>
      <Field label="Seed" hint="Same seed, same split and same first weights.">
        <input type="number" className={control} min={0} step={1} value={s.seed} onChange={(e) => number('seed', e.target.value)} />
      </Field>
    </fieldset>
  );
}
