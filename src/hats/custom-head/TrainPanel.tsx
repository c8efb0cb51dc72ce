import { StopButton } from '@/components/ui/StopButton';
import type { DatasetReport } from './data/dataset';
import { EvaluationView } from './EvaluationView';
import { LossChart } from './LossChart';
import { SettingsForm } from './SettingsForm';
import { TrainProgress } from './TrainProgress';
import type { TrainSettings } from './types';
import type { useTraining } from './use-training';

interface Props {
  settings: TrainSettings;
  onSettings: (next: TrainSettings) => void;
  dataset: DatasetReport;
  training: ReturnType<typeof useTraining>;
  onTrain: () => void;
  targetName: string;
  /** The head the page wears is the one this run made (so its results describe it). */
  wearing: boolean;
  modelReady: boolean;
}

/** Settings, Train / Stop, the live loss curve, then the results. */
export function TrainPanel({ settings, onSettings, dataset, training, onTrain, targetName, wearing, modelReady }: Props) {
  const { report, running, error } = training;
  const blocked = dataset.problems.length > 0 || !modelReady;
  const final = report && !running && (report.phase === 'done' || report.phase === 'stopped') && report.trainMsPerEpoch !== undefined;
  return (
    <section aria-labelledby="train-title" className="flex flex-col gap-3">
      <h3 id="train-title" className="font-semibold">
        2. Train the head
      </h3>
      <SettingsForm settings={settings} onChange={onSettings} disabled={running} />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="btn btn-primary"
          aria-disabled={blocked || running}
          onClick={() => {
            if (!blocked && !running) onTrain();
          }}
        >
          Train the head
        </button>
        <StopButton running={running} stopping={training.stopping} onStop={training.stop} label="Stop training" />
        {/* Only when it is what stands between the examples and training: one next step at a time. */}
        {!modelReady && dataset.problems.length === 0 && (
          <span className="text-sm text-stone-500" data-testid="encoder-loading">
            The encoder is still loading.
          </span>
        )}
      </div>
      {report && <TrainProgress report={report} running={running} />}
      {error && (
        <p role="alert" data-testid="train-error" className="rounded border border-red-300 bg-red-50 p-2 text-sm dark:bg-red-950">
          {error}
        </p>
      )}
      {report?.error && (
        <p role="alert" data-testid="train-error" className="rounded border border-red-300 bg-red-50 p-2 text-sm dark:bg-red-950">
          {report.error}
        </p>
      )}
      {report && <LossChart report={report} task={settings.task} />}
      {report?.evaluation && wearing && <EvaluationView evaluation={report.evaluation} targetName={targetName} />}
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
    </section>
  );
}
