import { EvaluationView } from './EvaluationView';
import type { TrainReport } from './types';

interface Props {
  report: TrainReport | null;
  running: boolean;
  targetName: string;
  /** The head the page wears is the one this run made (so its results describe it). */
  wearing: boolean;
  /** The page wears the head of another epoch of this run (the epoch scrubber's choice). */
  wornEpoch?: number;
}

/** After a run: how the head does on examples it never trained on, and what the run cost. */
export function TrainResults({ report, running, targetName, wearing, wornEpoch }: Props) {
  if (!report) return null;
  const final = !running && (report.phase === 'done' || report.phase === 'stopped') && report.trainMsPerEpoch !== undefined;
  return (
    <>
      {report.evaluation && wearing && <EvaluationView evaluation={report.evaluation} targetName={targetName} />}
      {report.evaluation && !wearing && wornEpoch !== undefined && (
        <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="results-epoch-note">
          The held-out results are those of the head kept from epoch {report.bestEpoch}; the page wears the head from epoch {wornEpoch} now (its accuracy is under “The
          head you are wearing”).
        </p>
      )}
      {final && (
        <p
          className="text-xs text-stone-500"
          data-testid="training-summary"
          data-train-ms-per-epoch={report.trainMsPerEpoch?.toFixed(3)}
          data-embed-ms-per-example={report.embedMsPerExample?.toFixed(3) ?? ''}
        >
          {report.total} examples; {report.reused ? `${report.reused} embeddings reused from an earlier run, ` : ''}
          {report.embedMsPerExample !== undefined && `embedding took ${report.embedMsPerExample.toFixed(1)} ms per example, `}
          training {report.trainMsPerEpoch?.toFixed(2)} ms per epoch.
        </p>
      )}
    </>
  );
}
