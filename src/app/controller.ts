import { EngineFailure, Lane, type InferenceClient, type Progress, type Restart } from '@/engine/client';
import type { LoadedInfo, ModelSpec, WorkerError } from '@/engine/protocol';
import type { HatActions } from '@/hats/types';
import { createViewRequests, type ViewRequests } from './mirror/view-requests';
import { MB } from '@/lib/format';
import { modelHost } from './demo-wardrobe';
import { currentChoice, currentHat, inputProblem, type AppState, type AppStore } from './store';

/** Typing re-runs the model (and rewrites the address) after this pause (ms): the page's one debounce. */
export const DEBOUNCE_MS = 250;

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof EngineFailure) return error.error;
  return { kind: 'internal', message: 'Something went wrong.', detail: error instanceof Error ? error.message : String(error) };
}

const cancelled = (error: unknown) => toWorkerError(error).kind === 'cancelled';

function specOf(s: AppState): ModelSpec {
  const choice = currentChoice(s);
  return { hat: s.hatId, model: choice.model, dtype: choice.dtype, device: choice.device, host: modelHost(s), stallMs: s.settings.stallSeconds * 1000 };
}

/** Which model the page wants: a new stall limit applies to the next load, it does not start one. */
const keyOf = (spec: ModelSpec) => JSON.stringify({ ...spec, stallMs: undefined });

/** The page's one sentence about a worker the client replaced (see InferenceClient, [1] and [2]). */
export function restartNotice({ error, model }: Restart): string {
  const cause = error.kind === 'damaged' ? 'a damaged file' : error.kind === 'too-big' ? 'running out of memory' : 'an error inside it';
  const after = model ? `after “${model}” failed with ${cause}` : 'after it stopped unexpectedly';
  return `The model runtime was restarted ${after}, so other models load as before; your inputs and settings are kept.`;
}

export interface Controller {
  /** Inspect and (when allowed) load the current model again, e.g. after a failure. */
  retry(): void;
  /** Start the download of a model that waited for a click (too big to start alone). */
  loadNow(): void;
  /** Stop checking or loading the current model (its fetches end in the worker); Retry starts it again. */
  cancel(): void;
  /** Run the current input now, without waiting for the typing pause. */
  runNow(): void;
  /** Ask the run in flight to finish early and show what it has (streaming hats). */
  stop(): void;
  /** Calls `listener` each time the input has settled: the typing pause is over and its run, if any, has answered. */
  onSettled(listener: () => void): () => void;
  /** One-off requests from a hat's own UI to its adapter (see HatActions). */
  actions: HatActions;
  /** The worker requests of a view (the mirror), in lanes of their own. */
  view: ViewRequests;
  /**
   * Downloads a model into the browser's cache ahead of use (a lesson's steps), whatever its size:
   * the person asked for it. Resolves with whether it was cached already.
   */
  prefetch(spec: ModelSpec, onProgress: (p: Progress) => void): Promise<{ cached: boolean }>;
  /** Whether every file the model needs is in the browser's cache (the worker knows which files those are). */
  cached(spec: ModelSpec): Promise<boolean>;
}

/**
 * Wires the store to the worker: inspect → load → run, re-running on input changes. Started once by
 * main.tsx. Which answer counts is decided in one place, the client's lanes: one for the model
 * (inspect, then load), one for runs; a newer request cancels the older one in its lane.
 */
export function createController(client: InferenceClient, store: AppStore): Controller {
  const get = store.getState;
  const model = new Lane(client);
  const runs = new Lane(client);
  const settledListeners = new Set<() => void>();
  let specKey = keyOf(specOf(get()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The pause ends in a run (not only in writing the address). */
  let runWhenSettled = false;

  function ready(info: LoadedInfo): void {
    const m = get().model;
    if (m.info?.key !== info.key) get().setModel({ ...m, phase: 'ready', info });
    if (info.fallback) get().notify(info.fallback, 'warning');
  }

  /** Sends the current input; the promise settles once its answer is in the store. */
  function send(): Promise<void> | undefined {
    const s = get();
    if (s.model.phase !== 'ready' || inputProblem(s) !== null) return undefined;
    // Marks let `npm run bench` time runs through the whole app without hooks of its own.
    performance.mark('hw:run-sent');
    const { promise } = runs.send((c) =>
      c.run(specOf(s), currentChoice(s).params, {
        onReady: ready,
        onPartial: (partial) => get().setRun({ ...get().run, phase: 'running', partial }),
      }),
    );
    return promise.then(
      (result) => get().setRun({ phase: 'ready', result }),
      (error: unknown) => {
        if (!cancelled(error)) get().setRun({ phase: 'error', error: toWorkerError(error), result: get().run.result });
      },
    );
  }

  const settled = () => {
    for (const listener of settledListeners) listener();
  };

  /**
   * The one debounce: after `delay` the model runs (when `run`), and the input counts as settled.
   * [1] Settled listeners (the address bar) hear of it once the run has answered, in a task of their
   *     own: rewriting the address makes the browser work too, and on two cores that work slowed
   *     the model's run by several milliseconds when it came at the same moment.
   */
  function settleAfter(delay: number, run: boolean): void {
    clearTimeout(timer);
    if (run) runWhenSettled = showRunning();
    timer = setTimeout(() => {
      timer = undefined;
      const go = runWhenSettled;
      runWhenSettled = false;
      const answered = go ? send() : undefined;
      if (answered) void answered.then(() => setTimeout(settled, 0)); // [1]
      else settled();
    }, delay);
  }

  /** The output dims at once while the pause runs; input that cannot run clears it instead. */
  function showRunning(): boolean {
    const s = get();
    if (s.model.phase !== 'ready') return false;
    if (inputProblem(s) !== null) {
      runs.drop();
      s.setRun({ phase: 'idle' });
      return false;
    }
    s.setRun({ ...s.run, phase: 'running', error: undefined, partial: undefined, stopping: undefined });
    return true;
  }

  async function load(): Promise<void> {
    const spec = specOf(get());
    const inspect = get().model.inspect;
    get().setModel({ phase: 'loading', inspect, progress: { loaded: 0, total: inspect?.totalBytes ?? 0 } });
    try {
      const info = await model.send((c) => c.load(spec, { onProgress: (progress) => get().setModel({ ...get().model, progress }) })).promise;
      get().setModel({ phase: 'ready', inspect, info });
      if (info.fallback) get().notify(info.fallback, 'warning');
      settleAfter(0, true);
    } catch (error) {
      if (!cancelled(error)) get().setModel({ phase: 'error', inspect, error: toWorkerError(error) });
    }
  }

  async function prepare(): Promise<void> {
    // While a view (the mirror) is open, the hat's model waits: the view loads its own.
    if (get().mirror) return;
    clearTimeout(timer);
    runWhenSettled = false;
    // The worker need not finish a run for a model that is no longer wanted.
    runs.drop();
    const s = get();
    s.setRun({ phase: 'idle' });
    s.setModel({ phase: 'inspecting' });
    try {
      const spec = specOf(s);
      const inspect = await model.send((c) => c.inspect(spec)).promise;
      get().setReach({ host: spec.host, ok: true });
      for (const note of inspect.notes) get().notify(note, 'warning');
      const tooBig = !inspect.cached && inspect.totalBytes > get().settings.autoLoadMB * MB;
      get().setModel({ phase: tooBig ? 'awaiting' : 'loading', inspect });
      if (!tooBig) await load();
    } catch (error) {
      if (cancelled(error)) return;
      const e = toWorkerError(error);
      // The badge says the host cannot be reached, not only that the browser is online.
      if (e.kind === 'network') get().setReach({ host: specOf(s).host, ok: false });
      get().setModel({ phase: 'error', error: e });
    }
  }

  client.onRestart((restart) => get().notify(restartNotice(restart), 'warning'));

  store.subscribe((s, prev) => {
    if (!s.mirror && prev.mirror) {
      specKey = keyOf(specOf(s));
      void prepare();
      return;
    }
    const key = keyOf(specOf(s));
    if (key !== specKey) {
      specKey = key;
      void prepare();
      return;
    }
    // A lesson step opened on the same model: it runs at once, like a fresh link.
    if (s.opened !== prev.opened) return settleAfter(0, true);
    if (currentChoice(s).params !== currentChoice(prev).params) settleAfter(DEBOUNCE_MS, (currentHat(s).runMode ?? 'live') === 'live');
  });
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
    loadNow: () => void load(),
    cancel: () => {
      const { phase, inspect } = get().model;
      if (phase !== 'inspecting' && phase !== 'loading') return;
      model.drop();
      const message = `Loading “${currentChoice(get()).model}” was cancelled. Retry starts it again, or pick another model.`;
      get().setModel({ phase: 'error', inspect, error: { kind: 'cancelled', message } });
    },
    runNow: () => settleAfter(0, true),
    stop: () => {
      const run = get().run;
      if (run.phase !== 'running' || run.stopping) return;
      if (runs.current !== undefined) {
        // The worker finishes the step it is on and answers with what it has (stats.stopped).
        client.stop(runs.current);
        get().setRun({ ...run, stopping: true });
        return;
      }
      // Pressed before the run reached the worker (it waits for the pause to end): it never starts.
      runWhenSettled = false;
      get().setRun({ phase: run.result ? 'ready' : 'idle', result: run.result });
    },
    onSettled(listener) {
      settledListeners.add(listener);
      return () => settledListeners.delete(listener);
    },
    actions,
    view: createViewRequests(client),
    async cached(spec) {
      return (await client.inspect(spec).promise).cached;
    },
    async prefetch(spec, onProgress) {
      const inspect = await client.inspect(spec).promise;
      if (inspect.cached) return { cached: true };
      await client.load(spec, { onProgress }).promise;
      // Kept in the cache, not in memory: the hat on screen keeps the worker's room.
      if (keyOf(spec) !== specKey) await client.dispose(spec);
      return { cached: false };
    },
  };
}
