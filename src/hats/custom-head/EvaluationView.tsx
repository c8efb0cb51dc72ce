import { formatPercent } from '@/lib/format';
import { ConfusionMatrix } from './ConfusionMatrix';
import { ScatterPlot } from './ScatterPlot';
import type { Evaluation } from './types';

/** How the trained head does on examples it never trained on. */
export function EvaluationView({ evaluation, targetName }: { evaluation: Evaluation; targetName: string }) {
  const on = evaluation.on === 'held-out' ? 'Held-out' : 'Training';
  const caveat =
    evaluation.on === 'training' ? (
      <p className="text-xs text-amber-800 dark:text-amber-300">Nothing was held out, so these numbers are on the training examples and flatter the head.</p>
    ) : null;
  if (evaluation.task === 'classification') {
    const right = evaluation.confusion.reduce((s, row, k) => s + (row[k] ?? 0), 0);
    return (
      <div className="flex flex-col gap-2">
        <p className="text-lg font-semibold" data-testid="heldout-accuracy">
          {on} accuracy: {formatPercent(evaluation.accuracy)} ({right} of {evaluation.count})
        </p>
        {caveat}
        <ConfusionMatrix evaluation={evaluation} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="text-lg font-semibold" data-testid="heldout-mae">
        {on} mean absolute error: {evaluation.mae.toFixed(2)} {targetName} (over {evaluation.count} examples)
      </p>
      {caveat}
      <ScatterPlot evaluation={evaluation} name={targetName} />
    </div>
  );
}
