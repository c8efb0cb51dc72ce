import { StopButton } from '@/components/ui/StopButton';
import type { DatasetReport } from './data/dataset';
import { EpochScrubber } from './EpochScrubber';
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
  /** The head the page wears (link form) and how to wear another: the epoch scrubber's. */
  worn: string;
  onHead: (head: string) => void;
}

/** Settings, Train / Stop, the live loss curve and the epoch scrubber (the results follow the live prediction: TrainResults). */
export function TrainPanel({ settings, onSettings, dataset, training, onTrain, modelReady, worn, onHead }: Props) {
  const { report, running, error } = training;
  const snapshots = (!running && report?.snapshots) || [];
  const shownIndex = snapshots.findIndex((s) => s.head === worn);
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
      {report && <LossChart report={report} task={settings.task} shownEpoch={snapshots[shownIndex]?.epoch} />}
      {shownIndex >= 0 && <EpochScrubber snapshots={snapshots} bestEpoch={report?.bestEpoch} index={shownIndex} onHead={onHead} />}
    </section>
  );
}
