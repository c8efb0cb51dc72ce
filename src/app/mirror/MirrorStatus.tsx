import { formatBytes } from '@/lib/format';
import type { MirrorState } from './use-mirror';

interface Props {
  state: MirrorState;
  onRetry: () => void;
  onLoadNow: () => void;
}

/** Where the body is: its size before the download, the download, a failure in words. */
export function MirrorStatus({ state, onRetry, onLoadNow }: Props) {
  const size = state.inspect ? formatBytes(state.inspect.totalBytes) : undefined;
  switch (state.phase) {
    case 'inspecting':
      return <p role="status" className="text-sm">Looking at the checkpoint…</p>;
    case 'awaiting':
      return (
        <p role="status" className="flex flex-wrap items-center gap-2 text-sm">
          This body is {size} to download, more than the automatic limit in Settings.
          <button type="button" className="btn-primary" onClick={onLoadNow}>
            Download {size}
          </button>
        </p>
      );
    case 'loading': {
      const p = state.progress;
      return (
        <p role="status" className="text-sm">
          Loading the body ({size}{state.inspect?.cached ? ', from this browser’s cache' : ''})… {p && p.total > 0 ? `${Math.round((p.loaded / p.total) * 100)}%` : ''}
        </p>
      );
    }
    case 'error':
      return (
        <div role="alert" data-testid="mirror-error" className="flex flex-wrap items-center gap-2 rounded-lg border border-red-300 bg-red-50 p-2 text-sm dark:bg-red-950">
          <span>{state.error?.message ?? 'The mirror could not show this body.'}</span>
          {/* A loaded body that refused the input needs new input, not a reload. */}
          {!state.info && (
            <button type="button" className="btn" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      );
    default:
      return state.info ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {state.info.model}, {state.info.dtype} on {state.info.device}, loaded once in {Math.round(state.info.loadMs)} ms.
        </p>
      ) : null;
  }
}
