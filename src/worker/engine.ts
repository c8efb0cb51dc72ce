import {
  assertNever,
  modelKey,
  type Device,
  type Dtype,
  type EngineRequest,
  type FileSize,
  type InspectInfo,
  type LoadedInfo,
  type ModelSpec,
  type WorkerError,
  type WorkerResponse,
} from '@/engine/protocol';
import type { HatAdapter, LoadedHat, ModelSource, RunOutput } from './adapter';
import { classify, EngineError, isOurs } from './errors';
import { Lru } from './lru';
import { withNetScope } from './net/scope';
import { coalescePartials } from './partials';

/**
 * Partials of one run reach the page at most this often (ms), the newest each time (see partials.ts).
 * Two a second still reads as streaming, and a person who wants to follow each step has the slow
 * pace. Each partial costs the page's main thread a render and a whole frame (style, layout and paint
 * of the page, whatever changed), and the worker its post: a fast generation lost about 10% at ten a
 * second, 7–9% at five, and at three 5.5% (distilgpt2-sized, greedy, against the same page with no
 * partials, eight turns); at two a second it wrote 2% more tokens a second than at three.
 */
export const PARTIAL_MS = 500;

/**
 * [1] Where ONNX Runtime's threads take every core (a two-core laptop runs two), each partial's frame
 *     is drawn on a core the model was using: once a second there. Measured on a two-core machine
 *     (distilgpt2-sized, greedy, 256 tokens, a page at each interval and a bare loop side by side, 14
 *     turns twice): 2.6% and 3.7% more tokens a second than at two a second, the page's CPU inside
 *     the generation 75 ms instead of 105 ms. Where a core is left over, or the model runs on the GPU,
 *     the page draws on a core of its own and partials come twice a second.
 */
export const BUSY_PARTIAL_MS = 1000;

/** [1] How often a run's partials may reach the page, for the device it runs on and the threads it takes. */
export function partialInterval(device: Device, threads: number, cores: number): number {
  return device === 'wasm' && threads >= cores ? BUSY_PARTIAL_MS : PARTIAL_MS;
}

/** What the engine needs from the outside world; the worker passes the real ones, tests pass fakes. */
export interface EngineDeps {
  adapters: Record<string, () => Promise<HatAdapter>>;
  /** Where weights come from for hats that do not bring a source of their own. */
  defaultSource: ModelSource;
  /** Points the model library at the spec's host before it loads anything. */
  setHost(host: string): void;
  /** Whether WebGPU works here, and if not, why. */
  webgpu(): Promise<{ ok: boolean; present: boolean; reason?: string }>;
  post(message: WorkerResponse): void;
  now(): number;
  threads(): number;
  /** Logical cores of the device (navigator.hardwareConcurrency). */
  cores(): number;
  crossOriginIsolated(): boolean;
  /** Models kept loaded at once; older ones are disposed. */
  capacity?: number;
  /** Bytes of model files kept loaded at once (see modelMemoryBudget); older models are disposed to make room. */
  maxBytes?: number;
  /** Drops every cached file of a model (after a load that failed on its content). */
  evict?(host: string, model: string): Promise<void>;
  /** Resolves when ONNX Runtime may start a session on `device` (warm-up.ts [2]). */
  runtimeFor?(device: Device): Promise<void>;
}

interface Entry {
  hat: LoadedHat;
  info: LoadedInfo;
}

interface Resolved {
  adapter: HatAdapter;
  source: ModelSource;
  device: Device;
  dtype: Dtype;
  available: Dtype[];
  webgpu: boolean;
  notes: string[];
}

const WASM_ORDER: Dtype[] = ['q8', 'int8', 'uint8', 'fp32', 'q4', 'fp16', 'bnb4', 'q4f16'];
const WEBGPU_ORDER: Dtype[] = ['fp32', 'fp16', 'q4f16', 'q4', 'q8', 'int8', 'uint8', 'bnb4'];

export function pickDtype(device: Device, available: Dtype[]): Dtype | undefined {
  return (device === 'webgpu' ? WEBGPU_ORDER : WASM_ORDER).find((d) => available.includes(d));
}

export class Engine {
  private readonly cache: Lru<Entry>;
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly cancelled = new Set<number>();
  private readonly stopped = new Set<number>();
  private readonly running = new Map<number, AbortController>();
  /** Per request: aborting it cancels every fetch the request has in flight (see net/scope.ts). */
  private readonly fetching = new Map<number, AbortController>();
  /** Set once the model runtime failed from inside: nothing more can be loaded or run in this worker. */
  private spent: WorkerError | undefined;
  /** What device, dtype and source each asked-for model resolves to: worked out once per model, not per run. */
  private readonly resolved = new Map<string, Promise<Resolved>>();
  /** The loaded model the page last heard `ready` about: a run says `ready` only when it used another. */
  private announced: string | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: EngineDeps) {
    this.cache = new Lru(deps.capacity ?? 3, deps.maxBytes);
  }

  /** Requests run one at a time in arrival order; a cancel acts at once. */
  handle(request: EngineRequest): Promise<void> {
    if (request.type === 'cancel') {
      this.cancelled.add(request.target);
      this.running.get(request.target)?.abort();
      this.fetching.get(request.target)?.abort();
      return Promise.resolve();
    }
    if (request.type === 'stop') {
      // Only a run in progress can stop early; a queued one has nothing yet and simply runs.
      const running = this.running.get(request.target);
      if (running) {
        this.stopped.add(request.target);
        running.abort();
      }
      return Promise.resolve();
    }
    const job = this.queue.then(() => this.dispatch(request));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async dispatch(request: Exclude<EngineRequest, { type: 'cancel' | 'stop' }>): Promise<void> {
    const { id } = request;
    if (this.cancelled.delete(id)) {
      this.deps.post({ type: 'error', id, error: { kind: 'cancelled', message: 'Cancelled.' } });
      return;
    }
    const usesRuntime = request.type === 'load' || request.type === 'run' || request.type === 'call';
    if (this.spent && usesRuntime) {
      this.deps.post({ type: 'error', id, error: this.spent });
      return;
    }
    const spec = 'spec' in request ? request.spec : undefined;
    const fetching = new AbortController();
    this.fetching.set(id, fetching);
    try {
      await withNetScope({ signal: fetching.signal, stallMs: spec?.stallMs }, () => this.answer(request));
    } catch (error) {
      const why = classify(error, spec?.model ?? '');
      // [1] A failure from inside the runtime may have left it unusable (see isOurs): the page starts a fresh worker.
      if (usesRuntime && !isOurs(error) && why.kind !== 'not-found' && why.kind !== 'cancelled') {
        why.restart = true;
        this.spent = { kind: why.kind, message: why.message, detail: why.detail, restart: true };
      }
      // [2] A model that failed on its own files must not load them from the cache again.
      if (spec && (why.restart || why.kind === 'damaged' || why.kind === 'wrong-content')) {
        await this.deps.evict?.(spec.host, spec.model).catch(() => undefined);
      }
      this.deps.post({ type: 'error', id, error: why });
    } finally {
      this.fetching.delete(id);
    }
  }

  private async answer(request: Exclude<EngineRequest, { type: 'cancel' | 'stop' }>): Promise<void> {
    const { id } = request;
    switch (request.type) {
      case 'inspect':
        this.deps.post({ type: 'inspected', id, info: await this.inspect(request.spec) });
        break;
      case 'load':
        this.announce(id, (await this.ensure(request.spec, id)).info);
        break;
      case 'run':
        await this.run(id, request.spec, request.params, 'run');
        break;
      case 'call':
        await this.run(id, request.spec, request.payload, 'call');
        break;
      case 'dispose':
        await this.dispose(request.spec);
        this.deps.post({ type: 'disposed', id });
        break;
      default:
        assertNever(request);
    }
  }

  private async adapter(hat: string): Promise<HatAdapter> {
    const factory = this.deps.adapters[hat];
    if (!factory) throw new EngineError('unsupported', `No hat called “${hat}” is in the wardrobe.`);
    return factory();
  }

  private announce(id: number, info: LoadedInfo): void {
    this.announced = info.key;
    this.deps.post({ type: 'ready', id, info });
  }

  /** Remembered per asked-for model; a failure is not, so a retry asks the host again. */
  private resolve(spec: ModelSpec): Promise<Resolved> {
    const key = [spec.hat, spec.host, spec.model, spec.device, spec.dtype].join('|');
    let found = this.resolved.get(key);
    if (!found) {
      found = this.resolveNow(spec);
      this.resolved.set(key, found);
      found.catch(() => this.resolved.delete(key));
    }
    return found;
  }

  private async resolveNow(spec: ModelSpec): Promise<Resolved> {
    const adapter = await this.adapter(spec.hat);
    const source = adapter.source ?? this.deps.defaultSource;
    this.deps.setHost(spec.host);
    const notes: string[] = [];
    const gpu = await this.deps.webgpu();
    const webgpu = gpu.ok;
    let device: Device = spec.device === 'auto' ? (webgpu ? 'webgpu' : 'wasm') : spec.device;
    if (device === 'webgpu' && !webgpu) {
      device = 'wasm';
      notes.push(`WebGPU is not available: ${gpu.reason ?? 'no adapter'} WebAssembly runs the model instead.`);
    } else if (spec.device === 'auto' && !webgpu && gpu.present) {
      notes.push(`Auto chose WebAssembly: ${gpu.reason ?? 'WebGPU gave no adapter.'}`);
    }
    const available = await source.availableDtypes({ model: spec.model, host: spec.host }).catch((error: unknown) => {
      const why = classify(error, spec.model);
      if (why.kind === 'network') {
        throw new EngineError('network', `Could not reach ${spec.host} to read “${spec.model}”. Check the connection, or the model host in Settings.`, why.detail);
      }
      throw error;
    });
    if (available.length === 0) {
      throw new EngineError(
        'no-onnx',
        `“${spec.model}” has no ONNX weights (onnx/model*.onnx), so it cannot run in the browser. Pick a model converted for transformers.js.`,
      );
    }
    let dtype = spec.dtype !== 'auto' && available.includes(spec.dtype) ? spec.dtype : pickDtype(device, available)!;
    if (spec.dtype !== 'auto' && spec.dtype !== dtype) {
      notes.push(`This model has no ${spec.dtype} weights; using ${dtype} (it has ${available.join(', ')}).`);
    }
    if (device === 'webgpu' && !available.includes(dtype)) dtype = available[0]!;
    return { adapter, source, device, dtype, available, webgpu, notes };
  }

  private async inspect(spec: ModelSpec): Promise<InspectInfo> {
    const r = await this.resolve(spec);
    const query = { model: spec.model, host: spec.host, dtype: r.dtype, device: r.device };
    const [files, cached] = await Promise.all([r.source.files(query), r.source.cached(query)]);
    return {
      model: spec.model,
      availableDtypes: r.available,
      device: r.device,
      dtype: r.dtype,
      files,
      totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
      cached,
      webgpuAvailable: r.webgpu,
      notes: r.notes,
    };
  }

  /** Returns the loaded model, loading it (with progress under `id`) when it is not in memory. */
  private async ensure(spec: ModelSpec, id: number, forceDevice?: Device, fallback?: string): Promise<Entry> {
    const r = await this.resolve(forceDevice ? { ...spec, device: forceDevice } : spec);
    const key = modelKey(spec, r.device, r.dtype);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = this.load(spec, r, key, id, fallback ?? r.notes.find((n) => n.startsWith('WebGPU') || n.startsWith('Auto chose')));
    this.loading.set(key, promise);
    try {
      return await promise;
    } finally {
      this.loading.delete(key);
    }
  }

  private async load(spec: ModelSpec, r: Resolved, key: string, id: number, fallback?: string): Promise<Entry> {
    this.deps.setHost(spec.host);
    const query = { model: spec.model, host: spec.host, dtype: r.dtype, device: r.device };
    const [files, fromCache] = await Promise.all([
      r.source.files(query).catch(() => [] as FileSize[]),
      r.source.cached(query).catch(() => false),
    ]);
    const expected = new Map(files.map((f) => [f.file, f.bytes]));
    const bytes = files.reduce((n, f) => n + f.bytes, 0);
    // Room first: the load takes its memory while it runs, before it is in the cache.
    const evicted = await this.letGo(this.cache.makeRoom(bytes));
    const seen = new Map<string, { loaded: number; total: number }>();
    const started = this.deps.now();
    let bytesNow = { loaded: 0, total: 0 };
    let hat: LoadedHat;
    try {
      await this.deps.runtimeFor?.(r.device);
      hat = await r.adapter.load({
        model: spec.model,
        host: spec.host,
        device: r.device,
        dtype: r.dtype,
        onProgress: (p) => {
          seen.set(p.file, { loaded: p.loaded, total: p.total || expected.get(p.file) || 0 });
          let loaded = 0;
          let total = 0;
          for (const [file, bytes] of expected) if (!seen.has(file)) total += bytes;
          for (const s of seen.values()) {
            loaded += s.loaded;
            total += s.total;
          }
          bytesNow = { loaded, total: Math.max(total, loaded) };
          this.deps.post({ type: 'progress', id, ...bytesNow, file: p.file });
        },
        onStage: (stage) => this.deps.post({ type: 'progress', id, ...bytesNow, stage }),
      });
    } catch (error) {
      const why = classify(error, spec.model);
      if (r.device === 'webgpu' && (why.kind === 'internal' || why.kind === 'unsupported')) {
        return this.ensure(spec, id, 'wasm', `WebGPU could not load this model (${why.detail ?? why.message}), so WebAssembly runs it instead.`);
      }
      throw error;
    }
    const info: LoadedInfo = {
      key,
      model: spec.model,
      device: r.device,
      dtype: r.dtype,
      fromCache,
      loadMs: Math.round(this.deps.now() - started),
      facts: hat.facts,
      fallback,
      threads: this.deps.threads(),
      crossOriginIsolated: this.deps.crossOriginIsolated(),
    };
    const entry = { hat, info };
    // Beyond the count, the oldest goes quietly, as it always has; only memory is worth a word.
    await this.letGo(this.cache.set(key, entry, bytes));
    if (evicted.length > 0) info.evicted = evicted;
    return entry;
  }

  /** Disposes models pushed out of the cache; names them for the page. */
  private async letGo(entries: Entry[]): Promise<string[]> {
    for (const old of entries) await old.hat.dispose().catch(() => undefined);
    return entries.map((e) => `${e.info.model} (${e.info.dtype})`);
  }

  /** A run, or a hat's one-off call: the same path (ready, partials, stop, WebGPU fallback), another entry point. */
  private async run(id: number, spec: ModelSpec, input: unknown, kind: 'run' | 'call'): Promise<void> {
    let entry = await this.ensure(spec, id);
    if (entry.info.key !== this.announced) this.announce(id, entry.info);
    const controller = new AbortController();
    this.running.set(id, controller);
    const partials = coalescePartials(
      (output, appended) => this.deps.post({ type: 'partial', id, output, ...(appended ? { appended } : {}) }),
      partialInterval(entry.info.device, entry.info.threads, this.deps.cores()),
      kind === 'run' ? entry.hat.appends : undefined,
      () => this.deps.now(),
      PARTIAL_MS,
    );
    const ctx = {
      emit: partials.emit,
      signal: controller.signal,
      stopped: () => this.stopped.has(id),
    };
    const answer = async (hat: LoadedHat): Promise<RunOutput> => {
      if (kind === 'run') return hat.run(input, ctx);
      if (!hat.call) throw new EngineError('unsupported', `The “${spec.hat}” hat takes no calls.`);
      return { output: await hat.call(input, ctx) };
    };
    try {
      let started = this.deps.now();
      let out;
      try {
        out = await answer(entry.hat);
      } catch (error) {
        const why = classify(error, spec.model);
        if (entry.info.device !== 'webgpu' || why.kind === 'bad-input' || controller.signal.aborted) throw error;
        // WebGPU failed mid-run: drop that session and answer on WASM, saying so.
        this.cache.delete(entry.info.key);
        await entry.hat.dispose().catch(() => undefined);
        entry = await this.ensure(spec, id, 'wasm', `WebGPU failed while running (${why.detail ?? why.message}), so WebAssembly answered instead.`);
        this.announce(id, entry.info);
        started = this.deps.now();
        partials.restart();
        out = await answer(entry.hat);
      }
      partials.close();
      const stopped = this.stopped.has(id);
      if (this.cancelled.delete(id) || (controller.signal.aborted && !stopped)) {
        this.deps.post({ type: 'error', id, error: { kind: 'cancelled', message: 'Cancelled.' } });
        return;
      }
      this.deps.post({
        type: 'result',
        id,
        output: out.output,
        tokens: out.tokens,
        stats: {
          ms: this.deps.now() - started,
          device: entry.info.device,
          dtype: entry.info.dtype,
          ...(entry.info.device === 'wasm' ? { threads: entry.info.threads } : {}),
          ...(stopped ? { stopped } : {}),
        },
      });
    } finally {
      partials.close();
      this.running.delete(id);
      this.stopped.delete(id);
    }
  }

  private async dispose(spec?: ModelSpec): Promise<void> {
    const entries = spec
      ? this.cache.keys().filter((k) => k.startsWith(`${spec.hat}|${spec.host}|${spec.model}|`)).map((k) => this.cache.delete(k)!)
      : this.cache.clear();
    for (const e of entries) await e.hat.dispose().catch(() => undefined);
  }

  loadedKeys(): string[] {
    return this.cache.keys();
  }
}
