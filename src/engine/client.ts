import {
  assertNever,
  type InspectInfo,
  type LoadedInfo,
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
  kind: WorkerRequest['type'];
  resolve: (value: never) => void;
  reject: (error: EngineFailure) => void;
}

export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** The page's side of the worker protocol: one promise per request id. */
export class InferenceClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (event) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      const failure = new EngineFailure({ kind: 'internal', message: 'The inference worker stopped unexpectedly.', detail: event.message });
      for (const p of this.pending.values()) p.reject(failure);
      this.pending.clear();
    });
  }

  inspect(spec: ModelSpec): { id: number; promise: Promise<InspectInfo> } {
    return this.send({ type: 'inspect', id: this.nextId++, spec }, {});
  }

  load(spec: ModelSpec, handlers: RequestHandlers = {}): { id: number; promise: Promise<LoadedInfo> } {
    return this.send({ type: 'load', id: this.nextId++, spec }, handlers);
  }

  run(spec: ModelSpec, params: unknown, handlers: RequestHandlers = {}): { id: number; promise: Promise<RunResult> } {
    return this.send({ type: 'run', id: this.nextId++, spec, params }, handlers);
  }

  /** A hat's own one-off request (see HatActions): partials, stop and cancel work as for a run. */
  call(spec: ModelSpec, payload: unknown, handlers: RequestHandlers = {}): { id: number; promise: Promise<RunResult> } {
    return this.send({ type: 'call', id: this.nextId++, spec, payload }, handlers);
  }

  dispose(spec?: ModelSpec): Promise<void> {
    return this.send<void>({ type: 'dispose', id: this.nextId++, spec }, {}).promise;
  }

  cancel(target: number): void {
    this.worker.postMessage({ type: 'cancel', id: this.nextId++, target });
  }

  /** Asks a running request to finish early; its promise resolves with what it had. */
  stop(target: number): void {
    this.worker.postMessage({ type: 'stop', id: this.nextId++, target });
  }

  terminate(): void {
    this.worker.terminate();
  }

  private send<T>(request: WorkerRequest, handlers: RequestHandlers): { id: number; promise: Promise<T> } {
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.set(request.id, { ...handlers, kind: request.type, resolve: resolve as (v: never) => void, reject });
    });
    this.worker.postMessage(request);
    return { id: request.id, promise };
  }

  private receive(message: WorkerResponse): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    switch (message.type) {
      case 'progress':
        p.onProgress?.({ loaded: message.loaded, total: message.total, file: message.file });
        return;
      case 'partial':
        p.onPartial?.(message.output);
        return;
      case 'ready':
        p.onReady?.(message.info);
        // A run reports `ready` before its result; only a load ends with it.
        if (p.kind === 'load') this.settle(message.id, () => p.resolve(message.info as never));
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
