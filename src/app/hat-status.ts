import type { ModelState, RunState } from './store';

export type HatStatus = 'idle' | 'loading' | 'running' | 'ready' | 'error';

/** The one status the hat view shows (and tests wait on), from the model's and the run's phases. */
export function hatStatus(model: ModelState, run: RunState): HatStatus {
  switch (model.phase) {
    case 'inspecting':
    case 'loading':
      return 'loading';
    case 'error':
      return 'error';
    case 'idle':
    case 'awaiting':
      return 'idle';
    case 'ready':
      return run.phase;
  }
}
