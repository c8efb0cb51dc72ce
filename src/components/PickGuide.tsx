import { useState } from 'react';
import type { HatDefinition } from '@/hats/types';

interface Props {
  hats: HatDefinition[];
  onPick: (id: string) => void;
  onClose: () => void;
}

/** The hats in the order the guide asks about them: narrow questions before the broad ones that would also catch their tasks. */
export function guideOrder(hats: readonly HatDefinition[]): HatDefinition[] {
  return [...hats].sort((a, b) => (a.pickOrder ?? a.order) - (b.pickOrder ?? b.order));
}

/** "How to pick a hat?": one yes/no question per hat until one fits; Back undoes a No; with no yes at all, a hat that fits any task. */
export function PickGuide({ hats, onPick, onClose }: Props) {
  const [step, setStep] = useState(0);
  const asked = guideOrder(hats);
  const hat = asked[step];
  const fallback = hats.find((h) => h.pickFallback);
  const back = (
    <button type="button" className="btn" onClick={() => setStep(step - 1)}>
      Back
    </button>
  );
  return (
    <section aria-labelledby="guide-title" className="panel">
      <div className="flex items-start justify-between">
        <h2 id="guide-title" className="text-lg font-semibold">
          How to pick a hat?
        </h2>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      {hat ? (
        <div className="mt-3 flex flex-col gap-3">
          <p className="text-base" data-testid="guide-question">
            {hat.pickQuestion}
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-primary" onClick={() => onPick(hat.id)}>
              Yes: wear {hat.icon} {hat.title}
            </button>
            <button type="button" className="btn" onClick={() => setStep(step + 1)}>
              No
            </button>
            {step > 0 && back}
          </div>
          <p className="text-xs text-stone-500">
            Question {step + 1} of {asked.length}
          </p>
        </div>
      ) : (
        <div className="mt-3 flex flex-col gap-2" data-testid="guide-fallback">
          <p>{fallback?.pickFallback ?? 'None of the hats here fits this task yet.'}</p>
          <div className="flex flex-wrap gap-2">
            {fallback && (
              <button type="button" className="btn-primary" onClick={() => onPick(fallback.id)}>
                Wear {fallback.icon} {fallback.title}
              </button>
            )}
            {back}
            <button type="button" className="btn" onClick={() => setStep(0)}>
              Start again
            </button>
          </div>
        </div>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer">All questions at once</summary>
        <ul className="mt-2 list-inside list-disc">
          {asked.map((h) => (
            <li key={h.id}>
              {h.pickQuestion}{' '}
              <button type="button" className="underline" onClick={() => onPick(h.id)}>
                {h.icon} {h.title}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
