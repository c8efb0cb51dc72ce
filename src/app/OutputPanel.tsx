import { Suspense, useEffect } from 'react';
import type { HatDefinition, InputProblem } from '@/hats/types';
import { RunBadge } from '@/components/RunBadge';
import { useApp, useController } from './app-context';
import { PredictFirst } from './classroom/PredictFirst';
import type { HatStatus } from './hat-status';
import { currentChoice } from './store';

const loadingPanel = <p className="text-sm text-stone-500">Opening…</p>;

/**
 * Marks the moment an answer is on the page (the bench reads the mark): inside the Output's Suspense,
 * its effect runs once the hat's Output has drawn the answer, not while that is still loading.
 */
function AnswerDrawn({ result }: { result: unknown }) {
  useEffect(() => {
    if (result) performance.mark('hw:result-rendered');
  }, [result]);
  return null;
}

interface Props {
  hat: HatDefinition;
  status: HatStatus;
  problem: InputProblem | null;
  /** The latest result's output, or a streaming hat's latest partial. */
  shown: unknown;
  streaming: boolean;
  /** A predict-first step hides the answer until the guess is in. */
  hidden: boolean;
}

/** The hat's output: its heading and run badge, a truncation or run error, then the hat's own Output. */
export function OutputPanel({ hat, status, problem, shown, streaming, hidden }: Props) {
  const choice = useApp(currentChoice);
  const run = useApp((s) => s.run);
  const facts = useApp((s) => s.model.info?.facts);
  const setParams = useApp((s) => s.setParams);
  const spotlight = useApp((s) => s.spotlight);
  const presenter = useApp((s) => s.presenter);
  const { actions } = useController();
  const { Output } = hat;
  const result = run.result;
  return (
    <div
      id="hat-output-panel"
      className={`panel presenter:lg:overflow-auto ${spotlight ? 'fixed inset-2 z-50 overflow-auto ring-4 ring-amber-400 *:[zoom:1.75]' : 'presenter:lg:*:[zoom:1.25]'}`}
      aria-live="polite"
      // In presenter mode the panel scrolls on its own, so the keyboard must be able to reach it (a scrollable region).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={presenter ? 0 : undefined}
      role="region"
      aria-labelledby="hat-output-title"
      aria-busy={status === 'running' || status === 'loading'}
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id="hat-output-title" className="font-semibold">
          Output
        </h3>
        {result && !hidden && <RunBadge stats={result.stats} running={status === 'running'} />}
      </div>
      {result?.tokens?.truncated && (
        <p role="status" data-testid="output-truncated" className="mb-2 rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm dark:bg-amber-950">
          Only the first {result.tokens.maxLength} of {result.tokens.fullLength} tokens fit this model, so the answer is
          about a truncated text. The Tokens view below shows where it was cut.
        </p>
      )}
      {run.error && (
        <p role="alert" data-testid="run-error" className="mb-2 rounded-lg border border-red-300 bg-red-50 p-2 text-sm dark:bg-red-950">
          {run.error.message}
        </p>
      )}
      <PredictFirst hat={hat} output={shown}>
        <div data-testid="hat-output" className={status === 'running' && !streaming ? 'opacity-60 transition-opacity' : ''}>
          {shown !== undefined && !problem ? (
            <Suspense fallback={loadingPanel}>
              <Output
                params={choice.params}
                output={shown}
                facts={facts}
                onChange={setParams}
                running={streaming}
                stopped={!streaming && result?.stats.stopped === true}
                actions={actions}
              />
              <AnswerDrawn result={result} />
            </Suspense>
          ) : (
            <p className="text-sm text-stone-500">
              {problem ? 'Nothing to show until the input is fixed.' : status === 'loading' ? 'The model is getting ready…' : 'The answer appears here.'}
            </p>
          )}
        </div>
      </PredictFirst>
    </div>
  );
}
