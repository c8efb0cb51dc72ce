import { findHat, hats } from '@/hats/registry';
import { parseLink } from '../share-link';
import type { LessonStep } from './lesson';

/** What a step captured (its model and each input, as the hat's link has them), and a way to take the view on screen instead. */
export function StepCapture({ step, index, onUpdate }: { step: LessonStep; index: number; onUpdate: () => void }) {
  const hat = findHat(new URLSearchParams(step.link).get('hat'));
  const link = hat ? parseLink(step.link, hats, hat) : undefined;
  const inputs = hat && link ? hat.params.serialize(link.choice.params) : [];
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="step-capture">
      {link && (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5" aria-label={`Inputs of step ${index + 1}`}>
          <dt className="font-mono">model</dt>
          <dd className="font-mono break-all">
            {link.choice.model}
            {link.demo ? ' (demo wardrobe)' : ''}
          </dd>
          {inputs.map(([key, value], i) => (
            <div key={`${key}-${i}`} className="contents">
              <dt className="font-mono">{key}</dt>
              <dd className="break-words whitespace-pre-wrap">{value}</dd>
            </div>
          ))}
          {inputs.length === 0 && <dd className="col-span-2">The hat&apos;s own example inputs.</dd>}
        </dl>
      )}
      <button type="button" className="btn self-start" onClick={onUpdate}>
        Update step {index + 1} from the current view
      </button>
    </div>
  );
}
