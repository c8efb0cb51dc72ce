import { useEffect, useRef, useState } from 'react';
import type { HatActions } from '@/hats/types';
import type { InsideAnswer, InsideLook, InsidePlan, InsideRequest } from '@/lib/inside';

export type InsideActions = HatActions<InsideRequest, InsideAnswer>;

export interface InsideState {
  plan?: InsidePlan;
  look?: InsideLook;
  /** Bytes so far while the weights download. */
  progress?: { loaded: number; total: number };
  looking: boolean;
  error?: string;
  /** Asks for the weights when the plan waits for a yes (over the auto-download limit). */
  start(): void;
}

const cancelled = (e: unknown) => (e as { kind?: string } | undefined)?.kind === 'cancelled';
const messageOf = (e: unknown) => (e as { message?: string } | undefined)?.message ?? String(e);

/**
 * The panel's two calls: the plan once per loaded model (what a look costs, what it can show), then
 * a look, again whenever the hat's run has a new answer or another input is picked (`pick`, where
 * the run feeds several). A newer look cancels the one before it.
 * [1] Within the auto-download limit (or cached) the look starts by itself, as a share link expects.
 */
export function useInside(actions: InsideActions, params: unknown, model: unknown, runKey: unknown, autoBytes: number, pick?: number): InsideState {
  const [planned, setPlanned] = useState<{ model: unknown; plan?: InsidePlan; error?: string }>({ model: undefined });
  const [seen, setSeen] = useState<{ model: unknown; runKey: unknown; pick?: number; look?: InsideLook; error?: string }>({ model: undefined, runKey: undefined });
  const [progress, setProgress] = useState<InsideState['progress']>();
  const [asked, setAsked] = useState(false);
  const paramsRef = useRef(params);
  useEffect(() => {
    paramsRef.current = params;
  }, [params]);

  useEffect(() => {
    const call = actions.call({ kind: 'plan' });
    call.promise.then(
      ({ output }) => output.kind === 'plan' && setPlanned({ model, plan: output }),
      (e: unknown) => !cancelled(e) && setPlanned({ model, error: messageOf(e) }),
    );
    return () => call.cancel();
  }, [actions, model]);

  const plan = planned.model === model ? planned.plan : undefined;
  const canLook = plan !== undefined && plan.source !== null && plan.layers > 0;
  const go = canLook && (asked || plan.cached || plan.bytes <= autoBytes); // [1]

  useEffect(() => {
    if (!go) return;
    const request: InsideRequest = { kind: 'look', params: paramsRef.current };
    if (pick !== undefined) request.pick = pick;
    const call = actions.call(request, (partial) => {
      if (partial.kind === 'progress') setProgress({ loaded: partial.loaded, total: partial.total });
    });
    call.promise.then(
      ({ output }) => output.kind === 'look' && setSeen({ model, runKey, pick, look: output }),
      (e: unknown) => !cancelled(e) && setSeen({ model, runKey, pick, error: messageOf(e) }),
    );
    return () => call.cancel();
  }, [actions, go, model, runKey, pick]);

  const current = seen.model === model;
  return {
    plan,
    look: current ? seen.look : undefined,
    progress,
    looking: go && !(current && seen.runKey === runKey && seen.pick === pick),
    error: planned.model === model ? planned.error : current ? seen.error : undefined,
    start: () => setAsked(true),
  };
}
