import { useEffect, useState } from 'react';
import type { ModelSpec, WorkerError } from '@/engine/protocol';
import type { DriftPayload, DriftReport } from '@/lib/mirror/types';
import { useController } from '../app-context';
import { toWorkerError } from '../controller';

export interface DriftState {
  phase: 'idle' | 'running' | 'ready' | 'error';
  report?: DriftReport;
  error?: WorkerError;
}

/** The drift of `tuned` from the loaded body, streamed module by module; runs once the body is loaded. */
export function useDrift(spec: ModelSpec, loaded: boolean, tuned: string): DriftState {
  const { view } = useController();
  const key = JSON.stringify([spec, tuned]);
  const [answer, setAnswer] = useState<{ key: string; state: DriftState }>({ key: '', state: { phase: 'idle' } });
  const active = loaded && tuned !== '';
  useEffect(() => {
    if (!active) return;
    let live = true;
    const put = (state: DriftState) => live && setAnswer({ key, state });
    const payload: DriftPayload = { kind: 'drift', tuned };
    const call = view.call(spec, payload, (partial) => put({ phase: 'running', report: partial as DriftReport }));
    call.promise.then(
      (result) => put({ phase: 'ready', report: result.output as DriftReport }),
      (e: unknown) => {
        const error = toWorkerError(e);
        if (error.kind !== 'cancelled') put({ phase: 'error', error });
      },
    );
    return () => {
      live = false;
      call.cancel();
    };
  }, [view, spec, active, tuned, key]);
  if (!active) return { phase: 'idle' };
  return answer.key === key ? answer.state : { phase: 'running' };
}
