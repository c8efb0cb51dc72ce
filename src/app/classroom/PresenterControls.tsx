import { useEffect } from 'react';
import { useApp } from '../app-context';

// A pressed toggle looks pressed, not only to screen readers.
const pressed = 'aria-pressed:border-amber-600 aria-pressed:bg-amber-100 dark:aria-pressed:bg-amber-900';

/** The header toggle for presenter mode. */
export function PresenterToggle() {
  const presenter = useApp((s) => s.presenter);
  const setPresenter = useApp((s) => s.setPresenter);
  return (
    <button type="button" className={`btn ${pressed}`} aria-pressed={presenter} onClick={() => setPresenter(!presenter)}>
      <span aria-hidden="true">📽️ </span>Presenter mode
    </button>
  );
}

/** Puts `presenter` on <html> (so rem-based sizes grow with it) and tells the keys. */
export function PresenterHints() {
  const presenter = useApp((s) => s.presenter);
  const lesson = useApp((s) => s.open !== undefined);
  const spotlight = useApp((s) => s.spotlight);
  const setSpotlight = useApp((s) => s.setSpotlight);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
  }, [presenter]);
  if (!presenter) return null;
  const kbd = 'rounded border border-stone-500 bg-white px-1.5 font-mono dark:bg-stone-900';
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="presenter-hints">
      <button type="button" className={`btn ${pressed}`} aria-pressed={spotlight} onClick={() => setSpotlight(!spotlight)}>
        Spotlight the output
      </button>
      <p>
        <kbd className={kbd}>←</kbd> <kbd className={kbd}>→</kbd> {lesson ? 'previous / next step' : 'previous / next hat'} ·{' '}
        <kbd className={kbd}>S</kbd> spotlight · <kbd className={kbd}>Esc</kbd> leave
      </p>
    </div>
  );
}

/** Dims everything but the output panel (which HatView raises above this layer). */
export function SpotlightShade() {
  const spotlight = useApp((s) => s.spotlight);
  const setSpotlight = useApp((s) => s.setSpotlight);
  useEffect(() => {
    if (!spotlight) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    document.getElementById('hat-output-panel')?.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'center' });
  }, [spotlight]);
  if (!spotlight) return null;
  return (
    <button
      type="button"
      data-testid="spotlight-shade"
      aria-label="Leave the spotlight"
      className="fixed inset-0 z-40 cursor-default bg-black/85 focus-visible:outline-none"
      onClick={() => setSpotlight(false)}
    />
  );
}
