import { useState } from 'react';
import { hats } from '@/hats/registry';
import { formatBytes } from '@/lib/format';
import { useApp } from '../app-context';
import type { LessonStep } from './lesson';
import { lessonTotal, stepNeeds, stepReady, type StepNeed } from './lesson-network';
import { useLessonReady, type Preparing } from './use-lesson-ready';
import { useReadyOffline } from './use-ready-offline';

const sizeText = (n: StepNeed) => (n.builtIn ? 'built in' : n.bytes === undefined ? 'size unknown' : formatBytes(n.bytes));

function progressText(p: Preparing, count: number): string {
  switch (p.state) {
    case 'idle':
      return '';
    case 'running': {
      const bytes = p.progress ? `: ${formatBytes(p.progress.loaded)} of ${formatBytes(p.progress.total)}` : '';
      return `Fetching step ${p.step + 1} of ${count} (${p.model})${bytes}`;
    }
    case 'done':
      return p.fetched === 0 ? 'Every step was ready already.' : `Ready: ${p.fetched} ${p.fetched === 1 ? 'model' : 'models'} fetched into this browser.`;
    case 'error':
      return `Step ${p.step + 1} could not be fetched: ${p.message}`;
  }
}

/**
 * A lesson and the network: each step's download, the total, which steps this browser can run
 * offline, and "Get this lesson ready" to fetch them all before class.
 */
export function LessonReadiness({ steps, student = false }: { steps: readonly LessonStep[]; student?: boolean }) {
  const host = useApp((s) => s.settings.host);
  const needs = stepNeeds(steps, hats, host);
  const [stored, setStored] = useState(0);
  const complete = useReadyOffline(needs, `lesson|${stored}|${host}`);
  const { preparing, start } = useLessonReady(needs, () => setStored((n) => n + 1));
  const ready = (n: StepNeed) => stepReady(n, complete);
  const total = lessonTotal(needs.filter((n) => !ready(n)));
  const readyCount = needs.filter(ready).length;
  const running = preparing.state === 'running';
  const p = running ? preparing.progress : undefined;

  return (
    <section aria-label="The lesson and the network" data-testid="lesson-readiness" className="flex flex-col gap-2 text-sm">
      <p data-testid="lesson-total">
        {readyCount === needs.length
          ? `Every step is ready offline in this browser (${needs.length} of ${needs.length}).`
          : `Ready offline: ${readyCount} of ${needs.length} steps. Still to download: ${formatBytes(total.bytes)}${total.unknown ? ` and ${total.unknown} of unknown size` : ''}.`}
      </p>
      <details open={!student}>
        <summary className="cursor-pointer">Each step&apos;s model</summary>
        <ul className="mt-1 flex flex-col gap-0.5" aria-label="Each step's download">
          {needs.map((n, i) => (
            <li key={i} data-testid="step-download" data-ready={ready(n)}>
              Step {i + 1}: <span className="font-mono text-xs">{n.spec?.model ?? 'cannot open'}</span> · {sizeText(n)} ·{' '}
              {ready(n) ? <strong>ready offline</strong> : 'needs the network'}
            </li>
          ))}
        </ul>
      </details>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn" disabled={running || readyCount === needs.length} onClick={start}>
          Get this lesson ready
        </button>
        <span role="status" data-testid="lesson-prepare">
          {progressText(preparing, needs.length)}
        </span>
      </div>
      {p && <progress className="h-2 w-full accent-amber-500" max={Math.max(1, p.total)} value={p.loaded} aria-label="Lesson download" />}
    </section>
  );
}
