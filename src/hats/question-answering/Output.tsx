import { useState } from 'react';
import type { OutputProps } from '@/hats/types';
import { ProbabilityBars, type BarItem } from '@/components/ui/ProbabilityBars';
import { formatPercent } from '@/lib/format';
import { HighlightedContext } from './HighlightedContext';
import type { QaParams } from './params';
import type { QaOutput } from './postprocess';
import { StartEndStrip } from './StartEndStrip';

const UNSURE = 0.1;

function candidateBars(output: QaOutput): BarItem[] {
  const texts = output.answers.map((a) => a.text);
  const items: BarItem[] = output.answers.map((a) => ({
    // Two spans with the same words at different places get their offsets in the label, to stay apart.
    label: texts.filter((t) => t === a.text).length > 1 ? `${a.text} @${a.start}` : a.text,
    score: a.score,
    extra: `${a.start}\u2060–\u2060${a.end}`, // word joiners: the range never wraps
  }));
  if (output.nullScore !== null) items.push({ label: '[no answer]', score: output.nullScore, extra: '—' });
  return items.sort((x, y) => y.score - x.score);
}

function Verdict({ output }: { output: QaOutput }) {
  const best = output.answers[0];
  if (!best) return <p data-testid="qa-verdict">The model found no span in the context.</p>;
  if (output.noAnswer) {
    return (
      <p data-testid="qa-verdict" className="text-lg">
        <strong>No answer</strong> in this passage, says the model: its “no answer” score ({formatPercent(output.nullScore ?? 0)}) beats
        its best span ({formatPercent(best.score)}).
      </p>
    );
  }
  return (
    <div data-testid="qa-verdict">
      <p className="text-lg">
        Answer: <strong data-testid="answer-text">{best.text}</strong>{' '}
        <span className="text-sm text-stone-500">score {formatPercent(best.score)}</span>
      </p>
      {best.score < UNSURE && (
        <p data-testid="qa-unsure" className="text-sm text-amber-800 dark:text-amber-300">
          The model is unsure: its best span scores only {formatPercent(best.score)}. The answer may not be in the context at all.
        </p>
      )}
    </div>
  );
}

export default function Output({ output }: OutputProps<QaParams, QaOutput>) {
  const bestWindow = output.answers[0]?.window ?? 0;
  // The chosen window belongs to one output; a new output starts again at its best window.
  const [picked, setPicked] = useState({ output, window: bestWindow });
  const window = picked.output === output ? picked.window : bestWindow;
  return (
    <div className="flex flex-col gap-4">
      <Verdict output={output} />
      <HighlightedContext context={output.context} span={output.answers[0]} weak={output.noAnswer} />
      {output.windows.length > 1 && (
        <p data-testid="qa-windows" className="text-sm">
          The context is {output.tokens.length} tokens long. A window of {output.windowLength} tokens also holds the question (
          {output.questionTokens} tokens) and the special tokens, leaving room for {output.contextPerWindow}, so the model read the context
          in {output.windows.length} overlapping windows ({output.stride} tokens of overlap). The best span came from window {bestWindow + 1}.
        </p>
      )}
      <ProbabilityBars
        caption="Top spans: p(start) × p(end), against the “no answer” score of [CLS]"
        items={candidateBars(output)}
        extraHeader="character offsets"
      />
      <StartEndStrip output={output} window={window} onWindow={(w) => setPicked({ output, window: w })} />
    </div>
  );
}
