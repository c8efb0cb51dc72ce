import { afterEach, describe, expect, it, vi } from 'vitest';
import { InferenceClient, type WorkerLike } from '@/engine/client';
import type { InspectInfo, LoadedInfo, WorkerRequest, WorkerResponse } from '@/engine/protocol';
import { createController, DEBOUNCE_MS } from './controller';
import { createAppStore } from './store';

/** A worker that answers inspect and load at once and lets the test drive each run. */
function fakeWorker() {
  const sent: WorkerRequest[] = [];
  let listener: ((event: MessageEvent<WorkerResponse>) => void) | undefined;
  const reply = (message: WorkerResponse) => listener?.({ data: message } as MessageEvent<WorkerResponse>);
  const info: LoadedInfo = {
    key: 'k',
    model: 'm',
    device: 'wasm',
    dtype: 'q8',
    fromCache: true,
    loadMs: 1,
    facts: { modelType: 'gpt2', architectures: [], maxLength: 64, hasTokenTypeIds: false },
    threads: 1,
    crossOriginIsolated: false,
  };
  const inspected: InspectInfo = {
    model: 'm',
    availableDtypes: ['q8'],
    device: 'wasm',
    dtype: 'q8',
    files: [],
    totalBytes: 1,
    cached: true,
    webgpuAvailable: false,
    notes: [],
  };
  const worker: WorkerLike = {
    postMessage(message) {
      sent.push(message);
      if (message.type === 'inspect') queueMicrotask(() => reply({ type: 'inspected', id: message.id, info: inspected }));
      if (message.type === 'load') queueMicrotask(() => reply({ type: 'ready', id: message.id, info }));
    },
    addEventListener(type: string, l: unknown) {
      if (type === 'message') listener = l as typeof listener;
    },
    terminate() {},
  };
  return { worker, sent, reply, runs: () => sent.filter((m) => m.type === 'run') };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  expect(check()).toBe(true);
}

describe('Stop', () => {
  const store = createAppStore({ search: '?hat=causal-lm' });
  const fake = fakeWorker();
  const controller = createController(new InferenceClient(() => fake.worker), store);

  it('asks the worker to stop the run in flight and says "stopping" until the answer comes', async () => {
    await until(() => fake.runs().length === 1); // on-demand: one run when the model is ready
    const run = fake.runs()[0]!;
    expect(store.getState().run.phase).toBe('running');
    controller.stop();
    controller.stop(); // a second press (pointer down, then click) sends nothing more
    expect(fake.sent.filter((m) => m.type === 'stop')).toEqual([expect.objectContaining({ target: run.id })]);
    expect(store.getState().run).toMatchObject({ phase: 'running', stopping: true });
    fake.reply({ type: 'partial', id: run.id, output: { steps: 2 } });
    await until(() => store.getState().run.partial !== undefined);
    expect(store.getState().run).toMatchObject({ phase: 'running', stopping: true, partial: { steps: 2 } });
    fake.reply({ type: 'result', id: run.id, output: { steps: 2 }, stats: { ms: 1, device: 'wasm', dtype: 'q8', stopped: true } });
    await until(() => store.getState().run.phase === 'ready');
    expect(store.getState().run.stopping).toBeUndefined();
    expect(store.getState().run.result?.stats.stopped).toBe(true);
  });

  it('a press before the run reaches the worker means it never starts', async () => {
    const before = fake.runs().length;
    controller.runNow();
    expect(store.getState().run.phase).toBe('running');
    controller.stop();
    expect(store.getState().run.phase).toBe('ready');
    await settle();
    await settle();
    expect(fake.runs().length).toBe(before);
    expect(fake.sent.filter((m) => m.type === 'stop')).toHaveLength(1);
  });

  it('does nothing when no run is going on', () => {
    const sent = fake.sent.length;
    controller.stop();
    expect(fake.sent.length).toBe(sent);
    expect(store.getState().run.phase).toBe('ready');
  });
});

describe('one keystroke', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends exactly one run after the typing pause, and settles once when it has answered', async () => {
    const store = createAppStore({ search: '?hat=sequence-classification' });
    const fake = fakeWorker();
    const controller = createController(new InferenceClient(() => fake.worker), store);
    await until(() => fake.runs().length === 1); // the run once the model is ready
    fake.reply({ type: 'result', id: fake.runs()[0]!.id, output: [], stats: { ms: 1, device: 'wasm', dtype: 'q8' } });
    await until(() => store.getState().run.phase === 'ready');
    await settle(); // that first run settles too
    let settled = 0;
    controller.onSettled(() => settled++);
    const before = fake.sent.length;

    vi.useFakeTimers();
    store.getState().setParams({ text: 'a great film', text_pair: '' });
    expect(store.getState().run.phase).toBe('running');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    expect(fake.sent.length).toBe(before);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sent.slice(before)).toEqual([expect.objectContaining({ type: 'run', params: { text: 'a great film', text_pair: '' } })]);
    // The address is rewritten once the run has answered, not while it runs.
    expect(settled).toBe(0);
    fake.reply({ type: 'result', id: fake.runs().at(-1)!.id, output: [], stats: { ms: 1, device: 'wasm', dtype: 'q8' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(1);
    expect(fake.sent.slice(before)).toHaveLength(1);
  });

  it('keys typed within the pause make one run of the last text', async () => {
    const store = createAppStore({ search: '?hat=sequence-classification' });
    const fake = fakeWorker();
    createController(new InferenceClient(() => fake.worker), store);
    await until(() => fake.runs().length === 1);
    const before = fake.sent.length;

    vi.useFakeTimers();
    for (const text of ['a', 'a g', 'a gr']) {
      store.getState().setParams({ text, text_pair: '' });
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 2);
    }
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    // The first run had not answered yet: it is cancelled, and only the newest text runs.
    expect(fake.sent.slice(before).map((m) => m.type)).toEqual(['cancel', 'run']);
    expect(fake.runs().at(-1)).toMatchObject({ params: { text: 'a gr' } });
  });
});
