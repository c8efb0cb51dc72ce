import { findHat } from '@/hats/registry';
import { useApp } from '../app-context';
import { currentStep } from './classroom-slice';
import { LessonEnd } from './LessonEnd';
import { LessonReadiness } from './LessonReadiness';

/** What a student sees above the hat while a lesson is open: where they are, the teacher's note, next/previous. */
export function LessonBar() {
  const open = useApp((s) => s.open);
  const step = useApp(currentStep);
  const goStep = useApp((s) => s.goStep);
  const close = useApp((s) => s.closeLesson);
  const setFinished = useApp((s) => s.setFinished);
  const presenter = useApp((s) => s.presenter);
  if (!open || !step) return null;
  const { index, steps, lesson } = open;
  const hat = step.ok ? findHat(step.hatId) : undefined;
  return (
    <section aria-labelledby="lesson-title" data-testid="lesson-bar" className={`panel flex border-2 border-amber-500 ${presenter ? 'flex-wrap items-center gap-x-4 gap-y-2 py-2' : 'flex-col gap-3'}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className={presenter ? 'flex flex-wrap items-baseline gap-x-3' : undefined}>
          <h2 id="lesson-title" className={`${presenter ? 'text-base' : 'text-lg'} font-semibold`}>
            <span aria-hidden="true">🎓 </span>
            {lesson.title || 'Lesson'}
          </h2>
          <p data-testid="lesson-step" aria-live="polite">
            Step {index + 1} of {steps.length}
            {hat ? `: ${hat.title}` : ''}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn" aria-disabled={index === 0} onClick={() => goStep(index - 1)}>
            <span aria-hidden="true">← </span>Previous step
          </button>
          <button type="button" className="btn-primary" aria-disabled={index === steps.length - 1} onClick={() => goStep(index + 1)}>
            Next step<span aria-hidden="true"> →</span>
          </button>
          {index === steps.length - 1 && (
            <button type="button" className="btn-primary" disabled={open.finished} onClick={() => setFinished(true)}>
              Finish the lesson<span aria-hidden="true"> ✓</span>
            </button>
          )}
          <button type="button" className="btn" onClick={close}>
            Leave the lesson
          </button>
        </div>
      </div>
      {step.step.note && (
        <p data-testid="lesson-note" className={`rounded-lg bg-amber-100 text-lg font-medium ${presenter ? 'min-w-64 flex-1 px-3 py-1' : 'p-3'} whitespace-pre-line dark:bg-amber-950`}>
          {step.step.note}
        </p>
      )}
      {!step.ok && (
        <p role="alert" data-testid="broken-step" className="rounded-lg border border-red-300 bg-red-50 p-3 dark:bg-red-950">
          Step {index + 1} cannot open. {step.reason}
        </p>
      )}
      <LessonEnd />
      <div className="presenter:hidden">
        <LessonReadiness steps={lesson.steps} student />
      </div>
      {step.ok && step.notices.length > 0 && (
        <ul aria-label="Problems with this step's link" data-testid="step-notices" className="list-inside list-disc rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm dark:bg-amber-950">
          {step.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
