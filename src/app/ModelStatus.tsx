import type { ReactNode } from 'react';
import { memoryWarning } from '@/lib/device-memory';
import { formatBytes, formatMs } from '@/lib/format';
import type { LoadStage } from '@/engine/protocol';
import type { ModelState } from './store';

/** What a checkpoint hat's load is doing besides downloading: reading tensors, building, starting. */
function StageLine({ stage }: { stage: LoadStage }) {
  return (
    <span data-testid="load-stage">
      {stage.label}… {stage.done} of {stage.total} done
      <progress className="ml-2 h-1.5 w-24 align-middle accent-sky-500" max={stage.total} value={stage.done} aria-label={stage.label} />
    </span>
  );
}

interface Props {
  model: ModelState;
  modelId: string;
  onRetry: () => void;
  onLoad: () => void;
  onCancel: () => void;
  /** A way on when the model host cannot be reached (the demo wardrobe). */
  offline?: ReactNode;
}

/** While the page waits on the host: a stalled or unwanted load can be stopped without a reload. */
function CancelButton({ onCancel }: { onCancel: () => void }) {
  return (
    <button type="button" className="btn self-start" onClick={onCancel}>
      Cancel
    </button>
  );
}

export function ModelStatus({ model, modelId, onRetry, onLoad, onCancel, offline }: Props) {
  const size = model.inspect ? formatBytes(model.inspect.totalBytes) : undefined;
  const memory = model.inspect && !model.inspect.cached ? memoryWarning(model.inspect.totalBytes) : undefined;
  switch (model.phase) {
    case 'idle':
    case 'inspecting':
      return (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p role="status" data-testid="model-status">
            Checking {modelId}: files, sizes and weights…
          </p>
          <CancelButton onCancel={onCancel} />
        </div>
      );
    case 'awaiting':
      return (
        <div role="status" className="flex flex-wrap items-center gap-3 text-sm" data-testid="model-status">
          <span>
            {modelId} is a {size} download ({model.inspect?.dtype}). It starts when you say so.
          </span>
          <button type="button" className="btn-primary" onClick={onLoad}>
            Download {size}
          </button>
          {memory && <p className="w-full text-amber-800 dark:text-amber-300">{memory}</p>}
        </div>
      );
    case 'loading': {
      const p = model.progress;
      const total = Math.max(p?.total ?? 0, model.inspect?.totalBytes ?? 0);
      const loaded = p?.loaded ?? 0;
      const pct = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
      const cached = model.inspect?.cached;
      return (
        <div role="status" className="flex flex-col gap-1 text-sm" data-testid="model-status">
          <span>
            {cached ? 'Loading from the browser cache' : `Downloading ${modelId}`} ({model.inspect?.dtype}):{' '}
            <span data-testid="progress-bytes">
              {formatBytes(loaded)} of {formatBytes(total)}
            </span>
          </span>
          <progress
            className="h-2 w-full accent-amber-500"
            max={100}
            value={pct}
            aria-label={`Model download ${pct}%`}
          />
          {p?.stage && <StageLine stage={p.stage} />}
          <CancelButton onCancel={onCancel} />
        </div>
      );
    }
    case 'ready': {
      const info = model.info;
      if (!info) return null;
      return (
        <p role="status" className="text-sm" data-testid="model-status">
          <span data-testid="model-ready">Ready</span>: {info.model} on{' '}
          <strong data-testid="model-device">{info.device === 'webgpu' ? 'WebGPU' : 'WASM'}</strong> ({info.dtype}
          {info.device === 'wasm' ? `, ${info.threads} thread${info.threads === 1 ? '' : 's'}` : ''}),{' '}
          <span data-testid="model-source">{info.fromCache ? 'loaded from the browser cache' : `downloaded ${size ?? ''}`.trim()}</span> in{' '}
          {formatMs(info.loadMs)}.
          {info.fallback && <span className="ml-1 text-amber-700 dark:text-amber-400">{info.fallback}</span>}
          {info.evicted && (
            <span className="ml-1 text-amber-700 dark:text-amber-400" data-testid="model-evicted">
              To make room in this device&apos;s memory, {info.evicted.join(', ')} {info.evicted.length === 1 ? 'was' : 'were'} let go (loaded
              again when asked for).
            </span>
          )}
        </p>
      );
    }
    case 'error':
      return (
        <div role="alert" className="flex flex-col gap-2 rounded-lg border border-red-300 bg-red-50 p-2 text-sm dark:bg-red-950" data-testid="model-error">
          <p>{model.error?.message}</p>
          <div className="flex gap-2">
            <button type="button" className="btn" onClick={onRetry}>
              Retry
            </button>
          </div>
          {model.error?.kind === 'network' && offline}
          {model.error?.detail && (
            <details>
              <summary className="cursor-pointer text-xs">Technical detail</summary>
              <code className="text-xs break-all">{model.error.detail}</code>
            </details>
          )}
        </div>
      );
  }
}
