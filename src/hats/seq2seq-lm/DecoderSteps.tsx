import type { DecoderStep } from './generation';

interface Props {
  startToken: string;
  steps: DecoderStep[];
  selected: number;
  onSelect: (index: number) => void;
  running: boolean;
}

/** The decoder's output, one chip per step, left to right; a chip opens that step's candidates. */
export function DecoderSteps({ startToken, steps, selected, onSelect, running }: Props) {
  return (
    <section aria-labelledby="decoder-heading" data-testid="decoder-panel" className="rounded-lg border border-amber-300 p-2 dark:border-amber-800">
      <h4 id="decoder-heading" className="text-sm font-semibold">
        Decoder: wrote {steps.length} token{steps.length === 1 ? '' : 's'}, one per step{running ? '…' : ''}
      </h4>
      <ol className="mt-1 flex flex-wrap items-center gap-1" aria-label="Tokens the decoder wrote, in order">
        <li className="rounded bg-stone-200 px-1.5 py-0.5 font-mono text-xs text-stone-600 dark:bg-stone-700 dark:text-stone-300" title="The decoder start token: step 1 begins from it">
          {startToken}
        </li>
        {steps.map((s, i) => (
          <li key={i}>
            <button
              type="button"
              data-testid="decoder-step"
              aria-pressed={i === selected}
              aria-label={`Step ${i + 1}: ${s.token}, ${Math.round(s.prob * 100)}%`}
              onClick={() => onSelect(i)}
              className={`rounded px-1.5 py-0.5 font-mono text-xs ring-1 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-amber-600 motion-safe:transition-colors ${
                i === selected ? 'bg-amber-400 text-stone-950 ring-amber-600' : 'bg-amber-50 ring-amber-300 hover:bg-amber-100 dark:bg-stone-800 dark:ring-amber-800'
              }`}
            >
              {s.token}
            </button>
          </li>
        ))}
      </ol>
      <p className="mt-1 text-xs text-stone-500">Each step reads the tokens before it plus the encoder&apos;s output (cross-attention). Pick a chip to see what else it considered.</p>
    </section>
  );
}
