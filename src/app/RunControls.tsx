import type { HatDefinition } from '@/hats/types';
import { StopButton } from '@/components/ui/StopButton';
import type { HatStatus } from './hat-status';

interface Props {
  hat: HatDefinition;
  status: HatStatus;
  /** Stop was pressed and the worker has not answered yet. */
  stopping: boolean;
  /** The input cannot run as it is (the problem is shown above). */
  blocked: boolean;
  onRun: () => void;
  onStop: () => void;
}

/*
 * The run button of on-demand hats and the Stop button of streaming ones; live hats need neither.
 * Both stay mounted for the hat's whole life and only change state: a button that appeared with
 * the run and left with it could be replaced under a press while tokens stream (the press then
 * lands on nothing), and a disabled button would drop the keyboard focus.
 */
export function RunControls({ hat, status, stopping, blocked, onRun, onStop }: Props) {
  const onDemand = hat.runMode === 'on-demand';
  const running = status === 'running';
  if (!onDemand && !hat.stoppable) return null;
  const canRun = !blocked && status === 'ready';
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2" data-testid="run-controls">
      {onDemand && (
        <button
          type="button"
          className="btn btn-primary"
          aria-disabled={!canRun}
          onClick={() => {
            if (canRun) onRun();
          }}
        >
          {hat.runLabel ?? 'Run'}
        </button>
      )}
      {hat.stoppable && <StopButton running={running} stopping={stopping} onStop={onStop} />}
    </div>
  );
}
