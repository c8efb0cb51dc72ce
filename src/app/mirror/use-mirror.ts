import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Progress } from '@/engine/client';
import type { InspectInfo, LoadedInfo, ModelSpec, WorkerError } from '@/engine/protocol';
import { MB } from '@/lib/format';
import type { MirrorParams } from '@/lib/mirror/params';
import { MIRROR_ADAPTER } from '@/lib/mirror/seam';
import { headsFor } from '@/lib/mirror/trained-heads';
import type { MirrorOutput, MirrorRunParams } from '@/lib/mirror/types';
import { useApp, useController } from '../app-context';
import { toWorkerError } from '../controller';

export type MirrorPhase = 'inspecting' | 'awaiting' | 'loading' | 'running' | 'ready' | 'error';

export interface MirrorState {
  phase: MirrorPhase;
  inspect?: InspectInfo;
  info?: LoadedInfo;
  progress?: Progress;
  output?: MirrorOutput;
  error?: WorkerError;
}

interface Keyed<T> {
  key: string;
  value: T;
}

const isCancelled = (e: unknown) => toWorkerError(e).kind === 'cancelled';

/**
 * The mirror's model and its one pass: inspect (the size, before anything big is fetched), load
 * once, then run whenever the text or the worn heads change. Answers are kept under the key of the
 * request that asked for them, so a phase is derived (an answer for another key means "working on
 * it") and only the newest answer counts (the view's lanes drop the rest).
 */
export function useMirror(params: MirrorParams) {
  const { view } = useController();
  const host = useApp((s) => s.settings.host);
  const autoLoadMB = useApp((s) => s.settings.autoLoadMB);
  const stallMs = useApp((s) => s.settings.stallSeconds * 1000);
  const spec: ModelSpec = useMemo(() => ({ hat: MIRROR_ADAPTER, model: params.model, dtype: 'fp32', device: 'auto', host, stallMs }), [params.model, host, stallMs]);
  const [attempt, setAttempt] = useState(0);
  const [go, setGo] = useState(false);
  const heads = useMemo(() => headsFor(params.model), [params.model]);
  const loadKey = JSON.stringify([spec, attempt, go, autoLoadMB]);
  const [load, setLoad] = useState<Keyed<MirrorState>>({ key: '', value: { phase: 'inspecting' } });
  const [run, setRun] = useState<Keyed<{ output?: MirrorOutput; error?: WorkerError }>>({ key: '', value: {} });

  useEffect(() => {
    let live = true;
    const put = (value: MirrorState) => live && setLoad({ key: loadKey, value });
    view.inspect(spec).promise.then(
      (inspect) => {
        const tooBig = !inspect.cached && inspect.totalBytes > autoLoadMB * MB;
        if (tooBig && !go) return put({ phase: 'awaiting', inspect });
        put({ phase: 'loading', inspect });
        view.load(spec, (progress) => put({ phase: 'loading', inspect, progress })).promise.then(
          (info) => put({ phase: 'ready', inspect, info }),
          (e: unknown) => !isCancelled(e) && put({ phase: 'error', inspect, error: toWorkerError(e) }),
        );
      },
      (e: unknown) => !isCancelled(e) && put({ phase: 'error', error: toWorkerError(e) }),
    );
    return () => {
      live = false;
    };
  }, [view, spec, autoLoadMB, go, loadKey]);

  const loaded = load.key === loadKey ? load.value : { phase: 'inspecting' as const };
  const info = loaded.info;
  const runKey = JSON.stringify([loadKey, params.text, params.pair, heads.map((h) => h.name)]);
  useEffect(() => {
    if (!info) return;
    let live = true;
    const request: MirrorRunParams = { text: params.text, pair: params.pair, heads };
    view.run(spec, request).promise.then(
      (result) => {
        if (!live) return;
        setRun({ key: runKey, value: { output: result.output as MirrorOutput } });
      },
      (e: unknown) => live && !isCancelled(e) && setRun((r) => ({ key: runKey, value: { output: r.value.output, error: toWorkerError(e) } })),
    );
    return () => {
      live = false;
    };
  }, [view, spec, info, params.text, params.pair, heads, runKey]);

  let state: MirrorState = loaded;
  if (info) {
    const answered = run.key === runKey;
    const error = answered ? run.value.error : undefined;
    state = { ...loaded, phase: error ? 'error' : answered ? 'ready' : 'running', output: run.value.output, error };
  }
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const loadNow = useCallback(() => setGo(true), []);
  return { state, spec, heads, retry, loadNow };
}
