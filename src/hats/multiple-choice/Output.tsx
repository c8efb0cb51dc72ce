import type { OutputProps } from '@/hats/types';
import { ProbabilityBars } from '@/components/ui/ProbabilityBars';
import { formatPercent } from '@/lib/format';
import type { MultipleChoiceParams } from './params';
import type { ChoiceScore, MultipleChoiceOutput } from './scores';

function PairTokens({ choice }: { choice: ChoiceScore }) {
  return (
    <li data-testid="pair-tokens">
      <span className="text-xs font-semibold">
        Pair {choice.index + 1} ({choice.tokens.length} tokens{choice.truncated ? ', truncated to fit' : ''}):
      </span>{' '}
      <span className="font-mono text-xs leading-6">
        {choice.tokens.map((t, i) => (
          <span
            key={i}
            title={t.segment === 0 ? 'segment 0: the context' : 'segment 1: the choice'}
            className={`mr-0.5 rounded px-0.5 ${t.special ? 'bg-amber-200 dark:bg-amber-800' : t.segment === 0 ? 'bg-stone-200 dark:bg-stone-700' : 'bg-sky-100 dark:bg-sky-900'}`}
          >
            {t.token}
          </span>
        ))}
      </span>
    </li>
  );
}

/** 1, 2 and 3 */
function listNumbers(ns: number[]): string {
  return ns.length < 2 ? ns.join('') : `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
}

export default function Output({ output }: OutputProps<MultipleChoiceParams, MultipleChoiceOutput>) {
  const best = output.choices[output.best];
  // Choices within half a point of the best are a tie (q8 weights move scores that much), and the page says so rather than pick one.
  const tied = best ? output.choices.filter((c) => Math.abs(c.score - best.score) < 0.005) : [];
  return (
    <div className="flex flex-col gap-3">
      {best && tied.length > 1 && (
        <p className="text-lg" data-testid="choice-tie">
          A tie: choices {listNumbers(tied.map((c) => c.index + 1))} score the same{' '}
          <span className="text-sm text-stone-500">(about {formatPercent(best.score)} each)</span>. The model has no preference among them.
        </p>
      )}
      {best && tied.length === 1 && (
        <p className="text-lg">
          Best choice: <strong data-testid="best-choice">{best.text}</strong>{' '}
          <span className="text-sm text-stone-500">
            (Choice {best.index + 1}, {formatPercent(best.score)})
          </span>
        </p>
      )}
      <ProbabilityBars
        caption="Probability of each choice: one score per (context, choice) pair, softmax across the pairs"
        items={output.choices.map((c) => ({ label: `${c.index + 1}. ${c.text}`, score: c.score, extra: c.logit.toFixed(2) }))}
        extraHeader="score (logit)"
        labelHeader="Choice"
      />
      <details>
        <summary className="cursor-pointer text-sm font-semibold">What the encoder read for each pair</summary>
        <p className="mt-1 text-xs text-stone-500">Grey: the context (segment 0). Blue: the choice (segment 1). Amber: special tokens.</p>
        <ol className="mt-1 flex flex-col gap-1">
          {output.choices.map((c) => (
            <PairTokens key={c.index} choice={c} />
          ))}
        </ol>
        <p className="mt-1 text-xs text-stone-500">The Tokens view below lists the winning pair with ids and segment ids.</p>
      </details>
    </div>
  );
}
