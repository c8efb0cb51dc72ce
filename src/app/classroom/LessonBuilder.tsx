import { useId } from 'react';
import { useApp, useAppStore } from '../app-context';
import { currentChoice, currentHat } from '../store';
import { MAX_TITLE, stepFromChoice, type LessonStep } from './lesson';
import { LessonActions } from './LessonActions';
import { LessonReadiness } from './LessonReadiness';
import { StepEditor } from './StepEditor';

/** The teacher's side: collect hats with their inputs as steps, add notes and locks, then share the lesson. */
export function LessonBuilder({ onClose, onQr }: { onClose: () => void; onQr: (url: string) => void }) {
  const draft = useApp((s) => s.draft);
  const setDraft = useApp((s) => s.setDraft);
  const store = useAppStore();
  const titleId = useId();
  const setSteps = (steps: LessonStep[]) => setDraft({ ...draft, steps });
  const fromView = () => {
    const s = store.getState();
    return stepFromChoice(currentHat(s), currentChoice(s), '', s.demo, s.inside);
  };
  const addCurrent = () => setSteps([...draft.steps, fromView()]);
  return (
    <section aria-labelledby="builder-title" className="panel flex flex-col gap-3" data-testid="lesson-builder">
      <div className="flex items-start justify-between gap-2">
        <h2 id="builder-title" className="text-lg font-semibold">
          Build a lesson
        </h2>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="text-sm">
        Open a hat, set its model and inputs, then add it as a step. Students open the lesson&apos;s link and go through the steps in order.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={titleId} className="text-sm font-medium">
          Lesson title
        </label>
        <input
          id={titleId}
          value={draft.title}
          maxLength={MAX_TITLE}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-600 dark:bg-stone-900"
        />
      </div>
      <button type="button" className="btn-primary self-start" onClick={addCurrent}>
        Add this hat as a step
      </button>
      {draft.steps.length === 0 ? (
        <p className="text-sm">No steps yet.</p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label="Steps">
          {draft.steps.map((step, i) => (
            <StepEditor
              // By place: a moved step keeps the focused button where it was.
              key={i}
              step={step}
              index={i}
              count={draft.steps.length}
              onChange={(next) => setSteps(draft.steps.map((s, j) => (j === i ? next : s)))}
              onMove={(to) => {
                const steps = [...draft.steps];
                const [moved] = steps.splice(i, 1);
                if (moved) steps.splice(to, 0, moved);
                setSteps(steps);
              }}
              onRemove={() => setSteps(draft.steps.filter((_, j) => j !== i))}
              onUpdate={() => setSteps(draft.steps.map((s, j) => (j === i ? { ...s, link: fromView().link } : s)))}
            />
          ))}
        </ol>
      )}
      {draft.steps.length > 0 && <LessonReadiness steps={draft.steps} />}
      <LessonActions onQr={onQr} />
    </section>
  );
}
