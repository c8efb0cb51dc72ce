import type { TrainReport } from './types';

/** Where a training run is: embedding the examples, then epochs. */
export function TrainProgress({ report, running }: { report: TrainReport; running: boolean }) {
  const embedding = report.phase === 'embedding';
  const value = embedding ? report.embedded : report.history.length;
  const max = embedding ? report.total : report.epochs;
  const label = embedding
    ? `Embedding the examples: ${report.embedded} of ${report.total}${report.reused ? ` (${report.reused} from earlier runs)` : ''}`
    : `Epoch ${report.history.length} of ${report.epochs}`;
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="train-progress" data-phase={report.phase}>
      <label className="flex flex-col gap-1">
        <span>{label}</span>
        <progress className="h-2 w-full accent-amber-600" value={value} max={Math.max(1, max)} />
      </label>
      {!running && report.phase === 'stopped' && (
        <p role="status">{report.head ? `Stopped after ${report.history.length} epochs: the head kept is the one from epoch ${report.bestEpoch ?? report.history.length}.` : 'Stopped before any training: no head yet.'}</p>
      )}
    </div>
  );
}
