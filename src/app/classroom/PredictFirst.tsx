import { useId, useState, type ReactNode } from 'react';
import type { HatDefinition } from '@/hats/types';
import { useApp } from '../app-context';
import { currentStep, type Guess } from './classroom-slice';

/** The open step asks for a prediction on this hat, and none is committed yet: the output stays hidden. */
export function usePredictLock(hat: HatDefinition): { active: boolean; guess?: Guess; question?: string } {
  const step = useApp(currentStep);
  const guess = useApp((s) => s.open?.guesses[s.open.index]);
  const active = step?.ok === true && step.hatId === hat.id && step.step.predict === true;
  return { active, guess: active ? guess : undefined, question: active ? step.step.question : undefined };
}

const sameWord = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A predict-first step: the student commits a guess (one of the model's top answers, listed in
 * alphabetical order so the list gives nothing away, or typed), then sees it beside the output.
 */
export function PredictFirst({ hat, output, children }: { hat: HatDefinition; output: unknown; children: ReactNode }) {
  const { active, guess, question } = usePredictLock(hat);
  const commit = useApp((s) => s.commitGuess);
  const [text, setText] = useState('');
  const id = useId();
  if (!active) return children;
  const answers = output === undefined ? [] : (hat.guesses?.(output) ?? []);
  if (guess) {
    return (
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]" data-testid="prediction-revealed">
        <div className="rounded-lg border-2 border-violet-400 p-3" data-testid="your-guess">
          <h4 className="text-sm font-semibold">Your prediction</h4>
          <p className="text-xl font-bold">{guess.text}</p>
          {guess.answer !== undefined && (
            <p className="text-sm" data-testid="guess-verdict">
              {sameWord(guess.text, guess.answer) ? 'The model’s top answer too.' : `The model’s top answer: ${guess.answer}.`}
            </p>
          )}
        </div>
        <div className="min-w-0">{children}</div>
      </div>
    );
  }
  const options = [...new Set(answers.slice(0, 5))].sort((a, b) => a.localeCompare(b));
  const submit = () => text.trim() && commit({ text: text.trim(), answer: answers[0] });
  return (
    <form
      data-testid="predict-first"
      className="flex flex-col gap-2 rounded-lg border-2 border-dashed border-violet-400 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="font-semibold">
        <span aria-hidden="true">🔮 </span>Predict first: the output shows once you commit your guess.
      </p>
      {question && <p className="text-lg">{question}</p>}
      {options.length > 0 && (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="mb-1 text-sm">Pick one of the model&apos;s top answers…</legend>
          {options.map((o) => (
            <label key={o} className="flex items-center gap-1.5 rounded border border-stone-300 px-2 py-1 dark:border-stone-600">
              <input type="radio" name={`${id}-guess`} value={o} checked={text === o} onChange={() => setText(o)} className="accent-violet-600" />
              {o}
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={`${id}-typed`} className="text-sm">
        {options.length > 0 ? '…or type your own' : 'Your guess'}
      </label>
      <input
        id={`${id}-typed`}
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-600 dark:bg-stone-900"
      />
      <button type="submit" className="btn-primary self-start" disabled={!text.trim()}>
        Commit my guess
      </button>
    </form>
  );
}
