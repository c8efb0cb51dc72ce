import { useCallback, useEffect, useRef, useState } from 'react';
import type { HatActions, HatCall } from '@/hats/types';
import type { TrainPayload, TrainReport } from './types';

function messageOf(error: unknown): { kind?: string; message: string } {
  const e = error as { error?: { kind?: string; message?: string }; message?: string };
  return { kind: e.error?.kind, message: e.error?.message ?? e.message ?? String(error) };
}

/** One training call at a time to the hat's own adapter, with its streamed progress. */
export function useTraining(actions: HatActions<TrainPayload, TrainReport>, onHead: (head: string) => void) {
  const [report, setReport] = useState<TrainReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [stopping, setStopping] = useState(false);
  const call = useRef<HatCall<TrainReport> | null>(null);
  const onHeadRef = useRef(onHead);
  useEffect(() => {
    onHeadRef.current = onHead;
  });
  // Leaving the hat drops a training in progress: its head would have nowhere to go.
  useEffect(() => () => call.current?.cancel(), []);

  const start = useCallback(
    (payload: TrainPayload) => {
      call.current?.cancel();
      setError(null);
      setReport(null);
      setStopping(false);
      setRunning(true);
      const c = actions.call(payload, (partial) => {
        if (call.current === c) setReport(partial);
      });
      call.current = c;
      c.promise
        .then(({ output }) => {
          if (call.current !== c) return;
          setReport(output);
          if (output.head) onHeadRef.current(output.head);
        })
        .catch((e: unknown) => {
          const { kind, message } = messageOf(e);
          if (call.current === c && kind !== 'cancelled') setError(message);
        })
        .finally(() => {
          if (call.current === c) {
            call.current = null;
            setRunning(false);
            setStopping(false);
          }
        });
    },
    [actions],
  );
  const stop = useCallback(() => {
    if (!call.current) return;
    call.current.stop();
    setStopping(true);
  }, []);
  return { report, error, running, stopping, start, stop };
}
