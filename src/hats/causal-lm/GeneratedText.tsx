import { memo } from 'react';
import type { CausalOutput } from './output';
import { visibleToken } from './token-text';

interface Props {
  output: CausalOutput;
  selected: number;
  onSelect: (step: number) => void;
  running: boolean;
}

interface TokenProps {
  index: number;
  text: string;
  end: boolean;
  selected: boolean;
  onSelect: (step: number) => void;
}

/**
 * One generated token. Memoised on plain values: every streamed partial is a new copy of all steps, and
 * a token once written never changes, so only the new tokens and the two whose selection moved redraw
 * (the page's main thread shares the CPU with the model while it writes).
 */
const TokenButton = memo(function TokenButton({ index, text, end, selected, onSelect }: TokenProps) {
  return (
    <button
      type="button"
      aria-pressed={selected}
      aria-label={`Step ${index + 1}: ${end ? 'end of text' : visibleToken(text)}`}
      onClick={() => onSelect(index)}
      className={`rounded px-px focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 ${
        selected ? 'bg-amber-300 text-stone-950' : 'bg-amber-100 hover:bg-amber-200 dark:bg-amber-900/40 dark:hover:bg-amber-800'
      } ${end ? 'ml-1 text-xs text-stone-600 dark:text-stone-300' : ''}`}
    >
      {end ? '⏹ end' : text}
    </button>
  );
});

/** The prompt (muted) followed by the generated tokens, each a button that shows its step below. */
export function GeneratedText({ output, selected, onSelect, running }: Props) {
  return (
    <p className="rounded-lg border border-stone-200 bg-stone-50 p-3 font-mono text-sm leading-7 whitespace-pre-wrap dark:border-stone-700 dark:bg-stone-950">
      {output.startToken ? (
        <span className="rounded bg-stone-200 px-1 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300" title="start token: the prompt was empty">
          {output.startToken}
        </span>
      ) : (
        <span data-testid="prompt-text" className="text-stone-500 dark:text-stone-400">
          {output.prompt}
        </span>
      )}
      <span data-testid="generated-text" className="sr-only">
        {output.generated}
      </span>
      <span aria-label="Generated tokens: pick one to see its step">
        {output.steps.map((s, i) => (
          <TokenButton key={i} index={i} text={s.text} end={s.end} selected={i === selected} onSelect={onSelect} />
        ))}
      </span>
      {/* A cursor that stands still: a pulsing one made the browser draw a frame sixty times a second, on the
          two cores the model's threads were writing on. */}
      {running && (
        <span aria-hidden="true" className="ml-0.5">
          ▍
        </span>
      )}
    </p>
  );
}
