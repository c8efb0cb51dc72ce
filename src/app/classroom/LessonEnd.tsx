import { useApp } from '../app-context';

/** The end of a lesson: what was predicted against what the models answered, and where to go next. */
export function LessonEnd() {
  const open = useApp((s) => s.open);
  const goStep = useApp((s) => s.goStep);
  const setFinished = useApp((s) => s.setFinished);
  const close = useApp((s) => s.closeLesson);
  if (!open?.finished) return null;
  const guesses = Object.entries(open.guesses).sort(([a], [b]) => Number(a) - Number(b));
  return (
    <section aria-labelledby="lesson-end-title" data-testid="lesson-end" className="flex flex-col gap-2 rounded-lg border-2 border-emerald-500 p-3">
      <h3 id="lesson-end-title" className="text-lg font-semibold">
        <span aria-hidden="true">🎓 </span>End of the lesson: {open.steps.length} {open.steps.length === 1 ? 'step' : 'steps'} done.
      </h3>
      {guesses.length > 0 && (
        <ul aria-label="Your predictions" className="list-inside list-disc">
          {guesses.map(([i, g]) => (
            <li key={i}>
              Step {Number(i) + 1}: you predicted “{g.text}”{g.answer !== undefined ? `, the model answered “${g.answer}”` : ''}.
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" onClick={() => setFinished(false)}>
          Back to the last step
        </button>
        <button type="button" className="btn" onClick={() => (open.index === 0 ? setFinished(false) : goStep(0))}>
          Start again
        </button>
        <button type="button" className="btn" onClick={close}>
          Leave the lesson
        </button>
      </div>
    </section>
  );
}
