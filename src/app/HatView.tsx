import { Suspense, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { HatDefinition } from '@/hats/types';
import { OutputSlotContext } from '@/components/OutputSlot';
import { TokensView } from '@/components/TokensView';
import { HatHeader } from './HatHeader';
import { InsideSlot } from './InsideSlot';
import { hatStatus } from './hat-status';
import { ModelBar } from './ModelBar';
import { RunControls } from './RunControls';
import { useApp, useController } from './app-context';
import { usePredictLock } from './classroom/PredictFirst';
import { OutputPanel } from './OutputPanel';
import { StepInputs } from './classroom/StepInputs';
import { useStageHeight } from './classroom/use-stage-height';
import { useHeldWhileStreaming } from './use-held-while-streaming';
import { currentChoice, inputProblem } from './store';

const loadingPanel = <p className="text-sm text-stone-500">Opening…</p>;

export function HatView({ hat }: { hat: HatDefinition }) {
  const choice = useApp(currentChoice);
  const model = useApp((s) => s.model);
  const run = useApp((s) => s.run);
  // In a lesson step, params the teacher locked stay as they were set (the store sees to it).
  const setParams = useApp((s) => s.setParams);
  const presenter = useApp((s) => s.presenter);
  const stage = useRef<HTMLDivElement>(null);
  useStageHeight(stage, presenter);
  const problem = useApp(inputProblem);
  const status = hatStatus(model, run);
  const facts = model.info?.facts;
  const { Form, Explainer } = hat;
  const result = run.result;
  const controller = useController();
  const { actions } = controller;
  // A predict-first step hides every trace of the answer until the guess is in.
  const predict = usePredictLock(hat);
  const hidden = predict.active && !predict.guess;
  // A streaming hat shows its latest partial while it runs, else the last result.
  const shown = run.phase === 'running' && run.partial !== undefined ? run.partial : result?.output;
  const streaming = run.phase === 'running' && run.partial !== undefined;
  // The output's code is fetched while the model loads, so the first answer does not wait for it.
  useEffect(() => {
    void hat.Output.preload();
  }, [hat]);
  // The same element while the input stays the same: a new answer re-renders the output, not the form.
  const form = useMemo(
    () => (
      <Suspense fallback={loadingPanel}>
        <Form params={choice.params} onChange={setParams} facts={facts} modelId={choice.model} actions={actions} />
      </Suspense>
    ),
    [Form, choice.params, choice.model, setParams, facts, actions],
  );
  // The explanation follows a new answer a moment later, in a render of its own: drawn with the answer it
  // held the answer back (its code blocks and text are the larger part of the page). While a run streams
  // it keeps the first partial: redrawn for every partial, it took the page's CPU from the model's threads.
  const heldShown = useHeldWhileStreaming(shown, streaming);
  const explained = useDeferredValue(hidden ? undefined : heldShown);
  const explainedTokens = useDeferredValue(result?.tokens);
  const explainer = useMemo(
    () => (
      <Suspense fallback={loadingPanel}>
        <Explainer
          params={choice.params}
          output={explained}
          facts={facts}
          modelId={choice.model}
          dtype={model.info?.dtype}
          device={model.info?.device}
          tokens={explainedTokens}
        />
      </Suspense>
    ),
    [Explainer, choice.params, explained, facts, choice.model, model.info?.dtype, model.info?.device, explainedTokens],
  );
  // A hat whose output belongs beside its form's results gets it drawn in its form's slot; in presenter
  // mode the stage already sets input and output side by side, so the panel keeps its place there.
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const portal = hat.outputInForm === true && !presenter && slot !== null;
  const outputPanel = <OutputPanel hat={hat} status={status} problem={problem} shown={shown} streaming={streaming} hidden={hidden} />;

  return (
    <section data-testid="hat-view" data-status={status} data-hat={hat.id} aria-labelledby="hat-title" className="flex flex-col gap-4">
      <HatHeader hat={hat} />
      <ModelBar hat={hat} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] presenter:lg:block">
        <div className="flex min-w-0 flex-col gap-4">
          {/* The stage: in presenter mode on a wide screen, input and output side by side on the first screen, magnified. */}
          <div ref={stage} className="flex min-w-0 flex-col gap-4 presenter:lg:grid presenter:lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] presenter:lg:grid-rows-[minmax(0,1fr)]">
            <div id="hat-input" tabIndex={-1} className="panel presenter:lg:overflow-auto presenter:lg:*:[zoom:1.25]" data-testid="hat-input">
              <StepInputs hat={hat} params={choice.params}>
                <OutputSlotContext.Provider value={hat.outputInForm ? setSlot : null}>{form}</OutputSlotContext.Provider>
              </StepInputs>
              {portal && createPortal(outputPanel, slot)}
              <RunControls hat={hat} status={status} stopping={run.stopping === true} blocked={problem !== null} onRun={controller.runNow} onStop={controller.stop} />
              {problem && (
                <div role="alert" data-testid="input-problem" className="mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm dark:bg-amber-950">
                  <span>{problem.message}</span>
                  {problem.fix && (
                    <button type="button" className="btn" onClick={problem.fix.apply}>
                      {problem.fix.label}
                    </button>
                  )}
                </div>
              )}
            </div>
            {portal ? null : outputPanel}
          </div>
          {result?.tokens && <TokensView tokens={result.tokens} />}
          <InsideSlot hat={hat} />
        </div>
        <aside id="hat-explainer" aria-label="What this hat does" className="panel min-w-0 presenter:lg:mt-4">
          <h2 className="mb-2 text-lg font-semibold">What this hat does</h2>
          {explainer}
        </aside>
      </div>
    </section>
  );
}
