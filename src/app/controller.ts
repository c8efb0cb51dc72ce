import { EngineFailure, type InferenceClient, type RunResult } from '@/engine/client';
import { LatestRunner } from '@/engine/latest-runner';
import type { ModelSpec, WorkerError } from '@/engine/protocol';
import type { HatActions } from '@/hats/types';
import { currentChoice, currentHat, useApp, type AppState } from './store';

/** Typing re-runs the model after this pause (ms). */
export const DEBOUNCE_MS = 250;
/*
 * [1] A fast model streams partials faster than the page can draw them. Rendering each one queues
 *     them up behind each other: the page falls seconds behind the worker and a click on Stop lands
 *     after the run has ended. Partials are coalesced instead: the newest wins, drawn at most this often (ms).
 */
const PARTIAL_MS = 50;
const MB = 1024 * 1024;

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof EngineFailure) return error.error;
  return { kind: 'internal', message: 'Something went wrong.', detail: error instanceof Error ? error.message : String(error) };
}

function specOf(s: AppState): ModelSpec {
  const choice = currentChoice(s);
  return { hat: s.hatId, model: choice.model, dtype: choice.dtype, device: choice.device, host: s.settings.host };
}

function keyOf(spec: ModelSpec): string {
  return JSON.stringify(spec);
}

export interface Controller {
  /** Inspect and (when allowed) load the current model again, e.g. after a failure. */
  retry(): void;
  /** Start the download of a model that waited for a click (too big to start alone). */
  loadNow(): void;
  /** Run the current input now, without waiting for the typing pause. */
  runNow(): void;
  /** Ask the run in flight to finish early and show what it has (streaming hats). */
  stop(): void;
  /** One-off requests from a hat's own UI to its adapter (see HatActions). */
  actions: HatActions;
}

/** Wires the store to the worker: inspect → load → run, re-running on input changes. */
export function startController(client: InferenceClient, store = useApp): Controller {
  const get = store.getState;
  let specKey = '';
  let token = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: number | undefined;
  let latestPartial: { id: number; partial: unknown } | undefined;
  let partialTimer: ReturnType<typeof setTimeout> | undefined;

  const runner = new LatestRunner<{ spec: ModelSpec; params: unknown }, RunResult>(
    ({ spec, params }) => {
      // Marks let `npm run bench` time runs through the whole app without hooks of its own.
      performance.mark('hw:run-sent');
      const mine = token;
      const request = client.run(spec, params, {
        onReady: (info) => {
          if (mine !== token) return;
          const m = get().model;
          if (m.info?.key !== info.key) get().setModel({ ...m, phase: 'ready', info });
          if (info.fallback) get().notify(info.fallback, 'warning');
        },
        onPartial: (partial) => {
          // Only the newest run streams into the page; an older one finishing is dropped anyway.
          if (mine !== token || runner.hasWaiting) return;
          // [1] Keep only the latest partial and render it at most every PARTIAL_MS.
          latestPartial = { id: request.id, partial };
          partialTimer ??= setTimeout(() => {
            partialTimer = undefined;
            const p = latestPartial;
            latestPartial = undefined;
            if (p && p.id === inFlight && mine === token) get().setRun({ ...get().run, phase: 'running', partial: p.partial });
          }, PARTIAL_MS);
        },
      });
      inFlight = request.id;
      return request.promise.finally(() => {
        if (inFlight === request.id) inFlight = undefined;
      });
    },
    (result) => get().setRun({ phase: 'ready', result }),
    (error) => {
      const e = toWorkerError(error);
      if (e.kind !== 'cancelled') get().setRun({ phase: 'error', error: e, result: get().run.result });
    },
  );

  function problem(): boolean {
    const s = get();
    return currentHat(s).validate(currentChoice(s).params, s.model.info?.facts, () => undefined) !== null;
  }

  function requestRun(delay: number): void {
    clearTimeout(timer);
    const s = get();
    if (s.model.phase !== 'ready') return;
    if (problem()) {
      runner.reset();
      s.setRun({ phase: 'idle' });
      return;
    }
    s.setRun({ ...s.run, phase: 'running', error: undefined, partial: undefined });
    const spec = specOf(s);
    const params = currentChoice(s).params;
    timer = setTimeout(() => runner.submit({ spec, params }), delay);
  }

  async function load(mine: number): Promise<void> {
    const spec = specOf(get());
    const inspect = get().model.inspect;
    get().setModel({ phase: 'loading', inspect, progress: { loaded: 0, total: inspect?.totalBytes ?? 0 } });
    try {
      const info = await client.load(spec, {
        onProgress: (progress) => {
          if (mine === token) get().setModel({ ...get().model, progress });
        },
      }).promise;
      if (mine !== token) return;
      get().setModel({ phase: 'ready', inspect, info });
      if (info.fallback) get().notify(info.fallback, 'warning');
      requestRun(0);
    } catch (error) {
      if (mine === token) get().setModel({ phase: 'error', inspect, error: toWorkerError(error) });
    }
  }

  async function prepare(): Promise<void> {
    const mine = ++token;
    clearTimeout(timer);
    runner.reset();
    // The worker need not finish a run for a model that is no longer wanted.
    if (inFlight !== undefined) client.cancel(inFlight);
    const s = get();
    s.setRun({ phase: 'idle' });
    s.setModel({ phase: 'inspecting' });
    try {
      const inspect = await client.inspect(specOf(s)).promise;
      if (mine !== token) return;
      for (const note of inspect.notes) get().notify(note, 'warning');
      const tooBig = !inspect.cached && inspect.totalBytes > get().settings.autoLoadMB * MB;
      get().setModel({ phase: tooBig ? 'awaiting' : 'loading', inspect });
      if (!tooBig) await load(mine);
    } catch (error) {
      if (mine === token) get().setModel({ phase: 'error', error: toWorkerError(error) });
    }
  }

  store.subscribe((s, prev) => {
    const key = keyOf(specOf(s));
    if (key !== specKey) {
      specKey = key;
      void prepare();
      return;
    }
    const live = (currentHat(s).runMode ?? 'live') === 'live';
    if (live && currentChoice(s).params !== currentChoice(prev).params) requestRun(DEBOUNCE_MS);
  });
  specKey = keyOf(specOf(get()));
  void prepare();

  const actions: HatActions = {
    call(payload, onPartial) {
      const request = client.call(specOf(get()), payload, { onPartial });
      return {
        promise: request.promise.then(({ output, stats }) => ({ output, stats })),
        stop: () => client.stop(request.id),
        cancel: () => client.cancel(request.id),
      };
    },
  };

  return {
    retry: () => void prepare(),
    loadNow: () => void load(token),
    runNow: () => requestRun(0),
    stop: () => {
      const run = get().run;
      if (run.phase !== 'running' || run.stopping) return;
      if (inFlight !== undefined) {
        // The worker finishes the step it is on and answers with what it has (stats.stopped).
        client.stop(inFlight);
        get().setRun({ ...run, stopping: true });
        return;
      }
      // Pressed before the run reached the worker (it waits for its timer): it never starts.
      clearTimeout(timer);
      runner.reset();
      get().setRun({ phase: run.result ? 'ready' : 'idle', result: run.result });
    },
    actions,
  };
}
