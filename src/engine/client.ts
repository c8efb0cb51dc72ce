import { withAppended } from './appended';
import {
  assertNever,
  type InspectInfo,
  type LoadedInfo,
  type LoadStage,
  type ModelSpec,
  type RunStats,
  type TokensInfo,
  type WorkerError,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol';

export interface Progress {
  loaded: number;
  total: number;
  file?: string;
  stage?: LoadStage;
}

export interface RunResult {
  output: unknown;
  tokens?: TokensInfo;
  stats: RunStats;
}

export interface RequestHandlers {
  onProgress?: (p: Progress) => void;
  onReady?: (info: LoadedInfo) => void;
  onPartial?: (output: unknown) => void;
}

/** A failure reported by the worker, carrying its kind for the page to choose what to show. */
export class EngineFailure extends Error {
  constructor(readonly error: WorkerError) {
    super(error.message);
    this.name = 'EngineFailure';
  }
}

interface Pending extends RequestHandlers {
  request: WorkerRequest;
  /** The latest partial, whole (partials may carry only what is new: see appended.ts). */
  partial?: unknown;
  resolve: (value: never) => void;
  reject: (error: EngineFailure) => void;
}

/** A request on its way: its id, and a promise for its answer. */
export interface Sent<T> {
  id: number;
  promise: Promise<T>;
}

const CANCELLED: WorkerError = { kind: 'cancelled', message: 'Cancelled.' };
const CRASHED: WorkerError = {
  kind: 'internal',
  message: 'The model runtime stopped unexpectedly (the browser may have run out of memory for it). Retry starts it afresh.',
  restart: true,
};

export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** Why the worker was replaced: the failure that spent it, and the model that request was for. */
export interface Restart {
  error: WorkerError;
  model?: string;
}

/**
 * The page's side of the worker protocol: one promise per request id, and one worker at a time.
 * [1] A worker whose model runtime failed from inside (an error with `restart`) is terminated and a
 *     fresh one started at once: the page's state lives in the page, so nothing of it is lost. The
 *     failed request rejects; the others it held are sent again to the fresh worker, which knows
 *     nothing of them. A stale answer counts too: a cancelled load may still have spent the runtime.
 * [2] A worker that died (its `error` event) takes its requests with it; the next request starts a
 *     fresh one. Starting it only on demand keeps a worker that cannot even start from looping.
 * [3] A worker sees a message only when its event loop gets a turn, and a hat that loops (a generation)
 *     would give it one every few milliseconds just in case a Stop had come, at a cost on every token.
 *     Where the page is cross-origin isolated, the worker is first sent a count in shared memory of
 *     the messages posted to it, raised before each post; the loop yields only when the count is
 *     ahead of what it has received.
 */
export class InferenceClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private worker: WorkerLike | undefined;
  /** The current worker's mailbox: how many messages the page has posted to it [3]. */
  private posted: Int32Array | undefined;
  private readonly restartListeners = new Set<(restart: Restart) => void>();

  constructor(private readonly startWorker: () => WorkerLike) {
    this.start();
  }

  /** Calls `listener` each time a worker is replaced after a failure; returns the unsubscribe. */
  onRestart(listener: (restart: Restart) => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  inspect(spec: ModelSpec): Sent<InspectInfo> {
    return this.send({ type: 'inspect', id: this.nextId++, spec }, {});
  }

  load(spec: ModelSpec, handlers: RequestHandlers = {}): Sent<LoadedInfo> {
    return this.send({ type: 'load', id: this.nextId++, spec }, handlers);
  }

  run(spec: ModelSpec, params: unknown, handlers: RequestHandlers = {}): Sent<RunResult> {
    return this.send({ type: 'run', id: this.nextId++, spec, params }, handlers);
  }

  /** A hat's own one-off request (see HatActions): partials, stop and cancel work as for a run. */
  call(spec: ModelSpec, payload: unknown, handlers: RequestHandlers = {}): { id: number; promise: Promise<RunResult> } {
    return this.send({ type: 'call', id: this.nextId++, spec, payload }, handlers);
  }

  dispose(spec?: ModelSpec): Promise<void> {
    return this.send<void>({ type: 'dispose', id: this.nextId++, spec }, {}).promise;
  }

  /**
   * Drops a request: its promise rejects at once (kind 'cancelled'), nothing it answers later reaches its
   * handlers, and the worker skips it or drops its answer.
   */
  cancel(target: number): void {
    const p = this.pending.get(target);
    this.pending.delete(target);
    this.post({ type: 'cancel', id: this.nextId++, target });
    p?.reject(new EngineFailure(CANCELLED));
  }

  /** Asks a running request to finish early; its promise resolves with what it had. */
  stop(target: number): void {
    this.post({ type: 'stop', id: this.nextId++, target });
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  /** Starts a worker and makes it the current one. */
  private start(): void {
    const worker = this.startWorker();
    this.worker = worker;
    // Only the current worker is heard: a replaced one may still have answers on their way.
    worker.addEventListener('message', (event) => {
      if (worker === this.worker) this.receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (worker === this.worker) this.died(event);
    });
    this.posted = sharedCount(); // [3]
    if (this.posted) this.post({ type: 'mailbox', id: this.nextId++, posted: this.posted });
  }

  /** Every message to the current worker goes here, counted in its mailbox first [3]. */
  private post(request: WorkerRequest): void {
    if (!this.worker) return;
    if (this.posted) Atomics.add(this.posted, 0, 1);
    this.worker.postMessage(request);
  }

  private send<T>(request: WorkerRequest, handlers: RequestHandlers): Sent<T> {
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.set(request.id, { ...handlers, request, resolve: resolve as (v: never) => void, reject });
    });
    if (!this.worker) this.start(); // [2]
    this.post(request);
    return { id: request.id, promise };
  }

  /** [1] */
  private replace(failed: WorkerResponse & { type: 'error' }): void {
    const p = this.pending.get(failed.id);
    this.pending.delete(failed.id);
    this.worker?.terminate();
    this.start();
    for (const other of this.pending.values()) this.post(other.request);
    p?.reject(new EngineFailure(failed.error));
    const spec = p && 'spec' in p.request ? p.request.spec : undefined;
    for (const listener of this.restartListeners) listener({ error: failed.error, model: spec?.model });
  }

  /** [2] */
  private died(event: ErrorEvent): void {
    this.worker?.terminate();
    this.worker = undefined;
    const failure = new EngineFailure({ ...CRASHED, detail: event.message });
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(failure);
    for (const listener of this.restartListeners) listener({ error: failure.error });
  }

  private receive(message: WorkerResponse): void {
    if (message.type === 'error' && message.error.restart) return this.replace(message);
    // The one place stale answers are dropped: a cancelled (or superseded) request is no longer pending.
    const p = this.pending.get(message.id);
    if (!p) return;
    switch (message.type) {
      case 'progress':
        p.onProgress?.({ loaded: message.loaded, total: message.total, file: message.file, stage: message.stage });
        return;
      case 'partial':
        p.partial = withAppended(p.partial, message.output, message.appended);
        p.onPartial?.(p.partial);
        return;
      case 'ready':
        p.onReady?.(message.info);
        // A run reports `ready` before its result; only a load ends with it.
        if (p.request.type === 'load') this.settle(message.id, () => p.resolve(message.info as never));
        return;
      case 'inspected':
        this.settle(message.id, () => p.resolve(message.info as never));
        return;
      case 'result':
        this.settle(message.id, () =>
          p.resolve({ output: message.output, tokens: message.tokens, stats: message.stats } as never),
        );
        return;
      case 'disposed':
        this.settle(message.id, () => p.resolve(undefined as never));
        return;
      case 'error':
        this.settle(message.id, () => p.reject(new EngineFailure(message.error)));
        return;
      default:
        assertNever(message);
    }
  }

  private settle(id: number, fn: () => void): void {
    this.pending.delete(id);
    fn();
  }
}

/**
 * "Latest request wins", owned in one place: a lane holds at most one live request, and sending a new
 * one cancels the one before it (see InferenceClient.cancel), so whatever still answers for it is dropped.
 * The page keeps one lane for its model (inspect, then load) and one for its runs.
 */
export class Lane {
  private live: number | undefined;

  constructor(private readonly client: InferenceClient) {}

  /** The id of the live request, if one has not answered yet. */
  get current(): number | undefined {
    return this.live;
  }

  send<T>(request: (client: InferenceClient) => Sent<T>): Sent<T> {
    this.drop();
    const sent = request(this.client);
    this.live = sent.id;
    const done = () => {
      if (this.live === sent.id) this.live = undefined;
    };
    sent.promise.then(done, done);
    return sent;
  }

  /** Cancels the live request, if any. */
  drop(): void {
    if (this.live !== undefined) this.client.cancel(this.live);
    this.live = undefined;
  }
}

/** A shared counter, where the page may share memory with its worker (cross-origin isolated). */
function sharedCount(): Int32Array | undefined {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
}
