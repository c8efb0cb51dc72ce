import type { ReactNode } from 'react';
import type { HatDefinition } from '@/hats/types';
import { useApp } from '../app-context';
import { currentStep } from './classroom-slice';
import { MODEL_KEYS } from './locks';

/** The open lesson step's rules for this hat (nothing when no lesson is open or it is another hat's step). */
export function useStepRules(hat: HatDefinition) {
  const step = useApp(currentStep);
  const active = step?.ok && step.hatId === hat.id ? step : undefined;
  return {
    locked: active?.step.locked ?? [],
    lockForm: active?.step.lockForm === true,
    hideForm: active?.step.hideForm === true,
  };
}

/** The hat's form as the lesson step wants it: as is, disabled, or replaced by a read-only summary. */
export function StepInputs({ hat, params, children }: { hat: HatDefinition; params: unknown; children: ReactNode }) {
  const { locked, lockForm, hideForm } = useStepRules(hat);
  const ownLocks = locked.filter((k) => !(MODEL_KEYS as readonly string[]).includes(k));
  if (hideForm) {
    const entries = hat.params.serialize(params);
    return (
      <div data-testid="inputs-summary">
        <h3 className="mb-1 font-semibold">Inputs for this step</h3>
        {entries.length === 0 ? (
          <p>This step uses the hat&apos;s own example inputs.</p>
        ) : (
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            {entries.map(([key, value], i) => (
              <div key={`${key}-${i}`} className="contents">
                <dt className="font-mono text-sm">{key}</dt>
                <dd className="break-words whitespace-pre-wrap">{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    );
  }
  if (lockForm) {
    return (
      <fieldset disabled className="min-w-0" data-testid="locked-inputs">
        <legend className="mb-2 text-sm font-medium">
          <span aria-hidden="true">🔒 </span>The lesson locks these inputs.
        </legend>
        {children}
      </fieldset>
    );
  }
  return (
    <>
      {ownLocks.length > 0 && (
        <p className="mb-2 text-sm font-medium">
          <span aria-hidden="true">🔒 </span>The lesson keeps {ownLocks.map((k) => `“${k}”`).join(', ')} fixed.
        </p>
      )}
      {children}
    </>
  );
}
