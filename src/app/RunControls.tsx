import type { HatDefinition } from '@/hats/types';
import type { HatStatus } from './hat-status';

interface Props {
  hat: HatDefinition;
  status: HatStatus;
  /** The input cannot run as it is (the problem is shown above). */
  blocked: boolean;
  onRun: () => void;
  onStop: () => void;
}

/** The run button of on-demand hats and the Stop button of streaming ones; live hats need neither. */
export function RunControls({ hat, status, blocked, onRun, onStop }: Props) {
  const onDemand = hat.runMode === 'on-demand';
  const running = status === 'running';
  if (!onDemand && !hat.stoppable) return null;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      {onDemand && (
        <button type="button" className="btn btn-primary" onClick={onRun} disabled={blocked || running || status !== 'ready'}>
          {hat.runLabel ?? 'Run'}
        </button>
      )}
      {hat.stoppable && running && (
        <button type="button" className="btn" onClick={onStop}>
          Stop
        </button>
      )}
    </div>
  );
}
