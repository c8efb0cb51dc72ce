import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Device, Dtype, ModelSpec, WorkerResponse } from '@/engine/protocol';
import { BadInputError, type HatAdapter, type LoadedHat } from './adapter';
import { BUSY_PARTIAL_MS, Engine, PARTIAL_MS, partialInterval, pickDtype, type EngineDeps } from './engine';
import { fakeEngineDeps } from './sdk/testing';

const facts = { modelType: 'bert', architectures: [], maxLength: 64, hasTokenTypeIds: true };

interface FakeOptions {
  webgpu?: boolean;
  dtypes?: Dtype[];
  failLoadOn?: Device;
  failRunOn?: Device;
  runDelay?: Promise<void>;
  /** The run emits these partials, one per awaited step. */
  steps?: (() => Promise<void>)[];
  /** Emit each partial as a function that makes it, and note here the steps whose partial was made. */
  made?: number[];
  maxBytes?: number;
  runtimeFor?: (device: Device) => Promise<void>;
  /** The hat's seam names `steps` as appending: each partial is {steps: [1 … step]}. */
  appending?: boolean;
  /** The device's cores (the fake runs two ONNX Runtime threads); default 4. */
  cores?: number;
}

function setup(opts: FakeOptions = {}) {
  const posted: WorkerResponse[] = [];
  const loads: string[] = [];
  const disposed: string[] = [];
  const asked: string[] = [];
  const adapter: HatAdapter = {
    async load(ctx) {
      loads.push(`${ctx.model}@${ctx.device}/${ctx.dtype}`);
      ctx.onProgress({ file: 'onnx/model_quantized.onnx', loaded: 50, total: 100 });
      if (ctx.device === opts.failLoadOn) throw new Error('no available backend found');
      const hat: LoadedHat = {
        facts,
        async run(params, run) {
          if ((params as { bad?: boolean }).bad) throw new BadInputError('The text is empty.');
          await opts.runDelay;
          if (ctx.device === opts.failRunOn) throw new Error('GPUDevice lost');
          for (const [i, step] of (opts.steps ?? []).entries()) {
            await step();
            const made = opts.made;
            if (opts.appending) run.emit({ steps: Array.from({ length: i + 1 }, (_, k) => k + 1) });
            else run.emit(made ? () => (made.push(i + 1), { step: i + 1 }) : { step: i + 1 });
          }
          if (run.stopped()) return { output: { echo: params, device: ctx.device, partial: run.signal.aborted } };
          return { output: { echo: params, device: ctx.device } };
        },
        async dispose() {
          disposed.push(ctx.model);
        },
        ...(opts.appending ? { appends: ['steps'] } : {}),
      };
      return hat;
    },
  };
  const deps: EngineDeps = {
    adapters: { hat: async () => adapter },
    setHost: () => undefined,
    defaultSource: {
      availableDtypes: async ({ model }) => {
        asked.push(model);
        if (model === 'org/missing') throw new Error('Could not locate file: "http://h/org/missing/resolve/main/config.json".');
        if (model === 'org/offline') throw new TypeError('Failed to fetch');
        return model === 'org/no-onnx' ? [] : (opts.dtypes ?? ['fp32', 'q8']);
      },
      files: async () => [
        { file: 'config.json', bytes: 10 },
        { file: 'onnx/model_quantized.onnx', bytes: 100 },
      ],
      cached: async () => false,
    },
    webgpu: async () => (opts.webgpu ? { ok: true, present: true } : { ok: false, present: false, reason: 'This browser has no WebGPU.' }),
    post: (m) => posted.push(m),
    // The fake timers' clock in the partials tests: a due partial goes out by it (partials.ts [3]).
    now: () => Date.now(),
    threads: () => 2,
    cores: () => opts.cores ?? 4,
    crossOriginIsolated: () => true,
    capacity: 2,
    maxBytes: opts.maxBytes,
    runtimeFor: opts.runtimeFor,
  };
  return { engine: new Engine(deps), posted, loads, disposed, asked };
}

const spec = (model = 'org/a', extra: Partial<ModelSpec> = {}): ModelSpec => ({ hat: 'hat', model, dtype: 'auto', device: 'auto', host: 'http://h', ...extra });

describe('Engine', () => {
  it('picks q8 on WASM and fp32 on WebGPU from what the model really has', () => {
    expect(pickDtype('wasm', ['fp32', 'q8', 'fp16'])).toBe('q8');
    expect(pickDtype('wasm', ['fp32', 'fp16'])).toBe('fp32');
    expect(pickDtype('webgpu', ['q8', 'fp32'])).toBe('fp32');
  });

  it('inspects sizes, then loads once with overall progress and runs', async () => {
    const { engine, posted, loads } = setup();
    await engine.handle({ type: 'inspect', id: 1, spec: spec() });
    expect(posted[0]).toMatchObject({ type: 'inspected', info: { device: 'wasm', dtype: 'q8', totalBytes: 110, availableDtypes: ['fp32', 'q8'] } });
    await engine.handle({ type: 'run', id: 2, spec: spec(), params: { text: 'hi' } });
    await engine.handle({ type: 'run', id: 3, spec: spec(), params: { text: 'again' } });
    expect(loads).toEqual(['org/a@wasm/q8']);
    const progress = posted.find((m) => m.type === 'progress');
    // config.json (10 bytes) not yet reported counts in the total: one bar for every file.
    expect(progress).toMatchObject({ loaded: 50, total: 110 });
    expect(posted.filter((m) => m.type === 'result').map((m) => m.id)).toEqual([2, 3]);
  });

  it('a run on WebAssembly says how many threads it had; one on WebGPU does not', async () => {
    const wasm = setup();
    await wasm.engine.handle({ type: 'run', id: 1, spec: spec(), params: {} });
    expect(wasm.posted.at(-1)).toMatchObject({ type: 'result', stats: { device: 'wasm', threads: 2 } });
    const gpu = setup({ webgpu: true });
    await gpu.engine.handle({ type: 'run', id: 1, spec: spec('org/a', { device: 'webgpu' }), params: {} });
    const result = gpu.posted.at(-1);
    expect(result).toMatchObject({ type: 'result', stats: { device: 'webgpu' } });
    expect(result).not.toHaveProperty('stats.threads');
  });

  it('works out a model once, and says `ready` again only when a run used another model', async () => {
    const { engine, posted, asked } = setup();
    await engine.handle({ type: 'inspect', id: 1, spec: spec() });
    await engine.handle({ type: 'load', id: 2, spec: spec() });
    for (const id of [3, 4, 5]) await engine.handle({ type: 'run', id, spec: spec(), params: { id } });
    expect(asked).toEqual(['org/a']);
    expect(posted.filter((m) => m.type === 'ready').map((m) => m.id)).toEqual([2]);
    // A run of a model the page has not heard about yet (here never loaded) announces it, once.
    await engine.handle({ type: 'run', id: 6, spec: spec('org/b'), params: {} });
    await engine.handle({ type: 'run', id: 7, spec: spec('org/b'), params: {} });
    await engine.handle({ type: 'load', id: 8, spec: spec() });
    expect(posted.filter((m) => m.type === 'ready').map((m) => m.id)).toEqual([2, 6, 8]);
    expect(posted.filter((m) => m.type === 'result').map((m) => m.id)).toEqual([3, 4, 5, 6, 7]);
  });

  it('asks the host again after a failed look-up', async () => {
    const { engine, posted, asked } = setup();
    await engine.handle({ type: 'inspect', id: 1, spec: spec('org/offline') });
    await engine.handle({ type: 'inspect', id: 2, spec: spec('org/offline') });
    expect(asked).toEqual(['org/offline', 'org/offline']);
    expect(posted.map((m) => m.type)).toEqual(['error', 'error']);
  });

  describe('partials', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Steps at t = 0, .3, .6, .9, 1.2, 1.5 and 2.5 × PARTIAL_MS, each emitting {step}; what the page was sent. */
    async function partialsSent(opts: FakeOptions = {}) {
      vi.useFakeTimers();
      const clock = (ms: number) => async () => {
        await vi.advanceTimersByTimeAsync(ms);
      };
      const { engine, posted } = setup({ ...opts, steps: [0, 0.3, 0.3, 0.3, 0.3, 0.3, 1].map((at) => clock(at * PARTIAL_MS)) });
      await engine.handle({ type: 'load', id: 1, spec: spec() });
      const run = engine.handle({ type: 'run', id: 2, spec: spec(), params: {} });
      await vi.advanceTimersByTimeAsync(10 * PARTIAL_MS);
      await run;
      await vi.advanceTimersByTimeAsync(10 * PARTIAL_MS);
      expect(posted.at(-1)).toMatchObject({ type: 'result', id: 2 });
      return posted.filter((m) => m.type === 'partial').map((m) => (m.type === 'partial' ? (m.appended ? [m.output, m.appended] : m.output) : undefined));
    }

    it('sends the first at once, then at most one per PARTIAL_MS (the newest), and none after the result', async () => {
      // Partials 1 (at once), 4 (at PARTIAL_MS), 6 (at twice it); 7 is cut off by the result.
      expect(await partialsSent()).toEqual([{ step: 1 }, { step: 4 }, { step: 6 }]);
    });

    it("sends them once a second where the model's threads take every core, and twice a second on WebGPU", async () => {
      expect(partialInterval('wasm', 2, 2)).toBe(BUSY_PARTIAL_MS);
      expect(partialInterval('wasm', 1, 1)).toBe(BUSY_PARTIAL_MS);
      expect(partialInterval('wasm', 3, 4)).toBe(PARTIAL_MS);
      expect(partialInterval('webgpu', 2, 2)).toBe(PARTIAL_MS);
      // Two threads on two cores: steps 0.3 × PARTIAL_MS apart reach the page once every BUSY_PARTIAL_MS.
      expect(BUSY_PARTIAL_MS).toBe(2 * PARTIAL_MS);
      expect(await partialsSent({ cores: 2 })).toEqual([{ step: 1 }, { step: 6 }]);
    });

    it('makes a partial emitted as a function only when it is sent', async () => {
      const made: number[] = [];
      expect(await partialsSent({ made })).toEqual([{ step: 1 }, { step: 4 }, { step: 6 }]);
      expect(made).toEqual([1, 4, 6]);
    });

    it('sends of a list the seam names as appending only the items the page has not got', async () => {
      expect(await partialsSent({ appending: true })).toEqual([
        [{ steps: [1] }, { steps: 0 }],
        [{ steps: [2, 3, 4] }, { steps: 1 }],
        [{ steps: [5, 6] }, { steps: 4 }],
      ]);
    });
  });

  it('disposes the least recently used model beyond its capacity', async () => {
    const { engine, disposed } = setup();
    for (const [i, m] of ['org/a', 'org/b', 'org/a', 'org/c'].entries()) await engine.handle({ type: 'load', id: i + 1, spec: spec(m) });
    expect(disposed).toEqual(['org/b']);
    expect(engine.loadedKeys().map((k) => k.split('|')[2])).toEqual(['org/a', 'org/c']);
  });

  it('lets the oldest model go before a load that would not fit in the memory budget, and says which', async () => {
    // Each fake model is 110 bytes of files: two fit in 250, a third needs room first.
    const { engine, disposed, posted } = setup({ maxBytes: 250 });
    await engine.handle({ type: 'load', id: 1, spec: spec('org/a') });
    await engine.handle({ type: 'load', id: 2, spec: spec('org/b') });
    expect(disposed).toEqual([]);
    await engine.handle({ type: 'load', id: 3, spec: spec('org/c') });
    expect(disposed).toEqual(['org/a']);
    expect(posted.at(-1)).toMatchObject({ type: 'ready', info: { model: 'org/c', evicted: ['org/a (q8)'] } });
    expect(engine.loadedKeys().map((k) => k.split('|')[2])).toEqual(['org/b', 'org/c']);
  });

  it('starts a model only once ONNX Runtime may start on its device, and loads it on that device', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const asked: Device[] = [];
    const { engine, loads, posted } = setup({ webgpu: true, runtimeFor: (device) => (asked.push(device), gate) });
    const loading = engine.handle({ type: 'load', id: 1, spec: spec('org/a', { device: 'wasm' }) });
    await vi.waitFor(() => expect(asked).toEqual(['wasm']));
    expect(loads).toEqual([]);
    open();
    await loading;
    expect(loads).toEqual(['org/a@wasm/q8']);
    expect(posted.at(-1)?.type).toBe('ready');
  });

  it('falls back to WASM when WebGPU is missing, fails to load, or fails to run, and says so', async () => {
    const missing = setup({ webgpu: false });
    await missing.engine.handle({ type: 'load', id: 1, spec: spec('org/a', { device: 'webgpu' }) });
    expect(missing.posted.at(-1)).toMatchObject({ type: 'ready', info: { device: 'wasm' } });
    expect((missing.posted.at(-1) as { info: { fallback?: string } }).info.fallback).toMatch(/WebGPU is not available/);

    const failLoad = setup({ webgpu: true, failLoadOn: 'webgpu' });
    await failLoad.engine.handle({ type: 'load', id: 1, spec: spec() });
    expect(failLoad.loads).toEqual(['org/a@webgpu/fp32', 'org/a@wasm/q8']);
    expect(failLoad.posted.at(-1)).toMatchObject({ type: 'ready', info: { device: 'wasm' } });
    expect((failLoad.posted.at(-1) as { info: { fallback?: string } }).info.fallback).toMatch(/no available backend/);

    const failRun = setup({ webgpu: true, failRunOn: 'webgpu' });
    await failRun.engine.handle({ type: 'run', id: 1, spec: spec(), params: {} });
    expect(failRun.posted.at(-1)).toMatchObject({ type: 'result', output: { device: 'wasm' }, stats: { device: 'wasm' } });
    expect(failRun.disposed).toEqual(['org/a']);
  });

  it('answers missing models, models without ONNX, offline hosts and bad input with their own kinds', async () => {
    const { engine, posted } = setup();
    await engine.handle({ type: 'load', id: 1, spec: spec('org/missing') });
    await engine.handle({ type: 'load', id: 2, spec: spec('org/no-onnx') });
    await engine.handle({ type: 'load', id: 3, spec: spec('org/offline') });
    await engine.handle({ type: 'run', id: 4, spec: spec(), params: { bad: true } });
    await engine.handle({ type: 'run', id: 5, spec: { ...spec(), hat: 'nope' }, params: {} });
    const kinds = posted.filter((m) => m.type === 'error').map((m) => (m.type === 'error' ? [m.id, m.error.kind] : []));
    expect(kinds).toEqual([
      [1, 'not-found'],
      [2, 'no-onnx'],
      [3, 'network'],
      [4, 'bad-input'],
      [5, 'unsupported'],
    ]);
  });

  it('asks a hat’s own model source (checkpoint hats) instead of the ONNX export one', async () => {
    const { engine, posted } = setup();
    const own: HatAdapter = {
      source: {
        availableDtypes: async () => ['fp32', 'q8'],
        files: async ({ dtype }) => [{ file: `model.safetensors (${dtype} head tensors)`, bytes: 7 }],
        cached: async () => true,
      },
      load: async () => ({ facts, run: async () => ({ output: 'own' }), dispose: async () => undefined }),
    };
    (engine as unknown as { deps: EngineDeps }).deps.adapters.own = async () => own;
    await engine.handle({ type: 'inspect', id: 1, spec: { ...spec('org/no-onnx'), hat: 'own' } });
    expect(posted[0]).toMatchObject({ type: 'inspected', info: { dtype: 'q8', totalBytes: 7, cached: true } });
    await engine.handle({ type: 'run', id: 2, spec: { ...spec('org/no-onnx'), hat: 'own' }, params: {} });
    expect(posted.at(-1)).toMatchObject({ type: 'result', output: 'own' });
  });

  it('cancels a queued request before it runs, and drops the answer of a running one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { engine, posted } = setup({ runDelay: gate });
    const first = engine.handle({ type: 'run', id: 1, spec: spec(), params: {} });
    const second = engine.handle({ type: 'run', id: 2, spec: spec(), params: {} });
    await engine.handle({ type: 'cancel', id: 3, target: 2 });
    await new Promise((r) => setTimeout(r, 0));
    await engine.handle({ type: 'cancel', id: 4, target: 1 });
    release();
    await Promise.all([first, second]);
    const outcome = posted.filter((m) => m.type === 'result' || m.type === 'error').map((m) => [m.id, m.type === 'error' ? m.error.kind : 'result']);
    expect(outcome).toEqual([
      [1, 'cancelled'],
      [2, 'cancelled'],
    ]);
  });

  it('answers a stopped run with what it had, marked stopped, and ignores a stop for a queued run', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { engine, posted } = setup({ runDelay: gate });
    const first = engine.handle({ type: 'run', id: 1, spec: spec(), params: { n: 1 } });
    const second = engine.handle({ type: 'run', id: 2, spec: spec(), params: { n: 2 } });
    await new Promise((r) => setTimeout(r, 0));
    await engine.handle({ type: 'stop', id: 3, target: 1 });
    await engine.handle({ type: 'stop', id: 4, target: 2 });
    release();
    await Promise.all([first, second]);
    const results = posted.filter((m) => m.type === 'result');
    expect(results).toMatchObject([
      { id: 1, output: { echo: { n: 1 }, partial: true }, stats: { stopped: true } },
      { id: 2, output: { echo: { n: 2 } } },
    ]);
    expect(results[1]).not.toHaveProperty('stats.stopped');
  });
});

describe('Engine calls', () => {
  function withCall(call?: LoadedHat['call']) {
    const posted: WorkerResponse[] = [];
    const runs: unknown[] = [];
    const adapter: HatAdapter = {
      load: async () => ({ facts, run: async (params) => (runs.push(params), { output: 'run' }), call, dispose: async () => undefined }),
    };
    const engine = new Engine(fakeEngineDeps(adapter, posted));
    return { engine, posted, runs };
  }

  it('a call reaches the adapter’s call, never its run, and streams like a run', async () => {
    const { engine, posted, runs } = withCall(async (payload, ctx) => {
      ctx.emit({ half: payload });
      return { done: payload };
    });
    await engine.handle({ type: 'call', id: 1, spec: spec(), payload: { kind: 'train' } });
    expect(runs).toEqual([]);
    expect(posted.filter((m) => m.type !== 'ready')).toEqual([
      { type: 'partial', id: 1, output: { half: { kind: 'train' } } },
      { type: 'result', id: 1, output: { done: { kind: 'train' } }, stats: { ms: 0, device: 'wasm', dtype: 'q8', threads: 1 } },
    ]);
  });

  it('a hat without calls says so', async () => {
    const { engine, posted } = withCall();
    await engine.handle({ type: 'call', id: 1, spec: spec(), payload: {} });
    expect(posted.at(-1)).toMatchObject({ type: 'error', id: 1, error: { kind: 'unsupported', message: 'The “hat” hat takes no calls.' } });
  });
});
