import { useState } from 'react';
import type { HatDefinition } from '@/hats/types';

interface Props {
  hats: HatDefinition[];
  onPick: (id: string) => void;
  onClose: () => void;
}

/** "How to pick a hat?": one yes/no question per hat, asked in wardrobe order, until one fits. */
export function PickGuide({ hats, onPick, onClose }: Props) {
  const [step, setStep] = useState(0);
  const hat = hats[step];
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
          </div>
          <p className="text-xs text-stone-500">
            Question {step + 1} of {hats.length}
          </p>
        </div>
      ) : (
        <div className="mt-3 flex flex-col gap-2">
          <p>
            None of the hats here fits yet. A good next step: wear the masked language modelling hat to see what a pretrained
            body already knows, then fine-tune it for your task in Python.
          </p>
          <button type="button" className="btn self-start" onClick={() => setStep(0)}>
            Start again
          </button>
        </div>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer">All questions at once</summary>
        <ul className="mt-2 list-inside list-disc">
          {hats.map((h) => (
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
