import { useId } from 'react';
import { findHat } from '@/hats/registry';
import type { LessonStep } from './lesson';
import { MAX_NOTE } from './lesson';
import { MODEL_KEYS, paramKeys } from './locks';
import { StepCapture } from './StepCapture';

interface Props {
  step: LessonStep;
  index: number;
  count: number;
  onChange: (step: LessonStep) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** Puts the hat, model and inputs now on screen into this step (note and locks stay). */
  onUpdate: () => void;
}

const toggle = (list: string[] | undefined, keys: readonly string[], on: boolean) => {
  const rest = (list ?? []).filter((k) => !keys.includes(k));
  return on ? [...rest, ...keys] : rest;
};

/** One step in the lesson builder: which hat it opens, the note, what students may change, its place. */
export function StepEditor({ step, index, count, onChange, onMove, onRemove, onUpdate }: Props) {
  const id = useId();
  const query = new URLSearchParams(step.link);
  const hat = findHat(query.get('hat'));
  const locked = step.locked ?? [];
  const n = index + 1;
  const check = (label: string, checked: boolean, set: (on: boolean) => void) => (
    <label key={label} className="flex items-center gap-1.5">
      <input type="checkbox" checked={checked} onChange={(e) => set(e.target.checked)} className="size-4 accent-amber-600" />
      {label}
    </label>
  );
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-stone-300 p-3 dark:border-stone-600" data-testid="lesson-step-editor">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          Step {n}: <span aria-hidden="true">{hat?.icon} </span>
          {hat?.title ?? `unknown hat “${query.get('hat') ?? ''}”`}
          <span className="ml-2 font-mono text-xs font-normal">{query.get('model') ?? hat?.defaultModel}</span>
        </h3>
        <div className="flex gap-1">
          <button type="button" className="btn" disabled={index === 0} aria-label={`Move step ${n} up`} onClick={() => onMove(index - 1)}>
            ↑
          </button>
          <button type="button" className="btn" disabled={index === count - 1} aria-label={`Move step ${n} down`} onClick={() => onMove(index + 1)}>
            ↓
          </button>
          <button type="button" className="btn" aria-label={`Remove step ${n}`} onClick={onRemove}>
            Remove
          </button>
        </div>
      </div>
      <StepCapture step={step} index={index} onUpdate={onUpdate} />
      <label htmlFor={`${id}-note`} className="text-sm font-medium">
        Note to the class for step {n}
      </label>
      <textarea
        id={`${id}-note`}
        value={step.note}
        maxLength={MAX_NOTE}
        rows={2}
        onChange={(e) => onChange({ ...step, note: e.target.value })}
        className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-600 dark:bg-stone-900"
      />
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">What students may change in step {n}</legend>
        {check('Lock the model', MODEL_KEYS.every((k) => locked.includes(k)), (on) => onChange({ ...step, locked: toggle(step.locked, MODEL_KEYS, on) }))}
        {check('Lock the inputs', step.lockForm === true, (on) => onChange({ ...step, lockForm: on || undefined }))}
        {check('Hide the inputs', step.hideForm === true, (on) => onChange({ ...step, hideForm: on || undefined }))}
        {check('Predict first', step.predict === true, (on) => onChange({ ...step, predict: on || undefined }))}
        {paramKeys(step.link).map((k) =>
          check(`Lock only “${k}”`, locked.includes(k), (on) => onChange({ ...step, locked: toggle(step.locked, [k], on) })),
        )}
      </fieldset>
      {step.predict && (
        <>
          <label htmlFor={`${id}-question`} className="text-sm font-medium">
            Question students answer before they see the output (step {n})
          </label>
          <input
            id={`${id}-question`}
            value={step.question ?? ''}
            maxLength={MAX_NOTE}
            placeholder="What will the model say?"
            onChange={(e) => onChange({ ...step, question: e.target.value || undefined })}
            className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-600 dark:bg-stone-900"
          />
        </>
      )}
    </li>
  );
}
