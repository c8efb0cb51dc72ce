import { EvaluationView } from './EvaluationView';
import type { TrainReport } from './types';

interface Props {
  report: TrainReport | null;
  running: boolean;
  targetName: string;
  /** The head the page wears is the one this run made (so its results describe it). */
  wearing: boolean;
}

/** After a run: how the head does on examples it never trained on, and what the run cost. */
export function TrainResults({ report, running, targetName, wearing }: Props) {
  if (!report) return null;
  const final = !running && (report.phase === 'done' || report.phase === 'stopped') && report.trainMsPerEpoch !== undefined;
  return (
    <>
      {report.evaluation && wearing && <EvaluationView evaluation={report.evaluation} targetName={targetName} />}
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
