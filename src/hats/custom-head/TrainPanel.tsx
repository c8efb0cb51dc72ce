import { StopButton } from '@/components/ui/StopButton';
import type { DatasetReport } from './data/dataset';
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
  modelReady: boolean;
}

/** Settings, Train / Stop and the live loss curve (the results follow the live prediction: TrainResults). */
export function TrainPanel({ settings, onSettings, dataset, training, onTrain, modelReady }: Props) {
  const { report, running, error } = training;
  const blocked = dataset.problems.length > 0 || !modelReady;
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
    </section>
  );
}
