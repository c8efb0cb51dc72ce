import { formatPercent } from '@/lib/format';
import type { GenStep } from './output';
import { visibleToken } from './token-text';

/**
 * While tokens stream in, the newest step in one light line instead of the chart, so the page keeps
 * up with the model (and the Stop button stays responsive); the chart returns when the run ends or
 * when the person picks a step.
 */
export function LiveStep({ step, index }: { step: GenStep; index: number }) {
  return (
    <p data-testid="live-step" className="text-sm text-stone-600 dark:text-stone-400">
      Step {index + 1}, top candidates:{' '}
      {step.candidates.slice(0, 5).map((c, i) => (
        <span key={c.id} className={c.id === step.id ? 'font-semibold text-stone-900 dark:text-stone-100' : ''}>
          {i > 0 && ', '}
          <code>{visibleToken(c.text)}</code> {formatPercent(c.raw)}
        </span>
      ))}
    </p>
  );
}
