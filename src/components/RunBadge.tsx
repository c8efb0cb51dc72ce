import type { RunStats } from '@/engine/protocol';
import { formatMs } from '@/lib/format';

export function RunBadge({ stats, running }: { stats: RunStats; running: boolean }) {
  return (
    <span data-testid="run-badge" className="rounded-full bg-stone-800 px-2 py-0.5 font-mono text-xs text-stone-50">
      <span data-testid="run-device">{stats.device === 'webgpu' ? 'WebGPU' : 'WASM'}</span>
      {stats.threads !== undefined && ` (${stats.threads} thread${stats.threads === 1 ? '' : 's'})`} · {stats.dtype} · {formatMs(stats.ms)}
      {running && ' · updating…'}
    </span>
  );
}
