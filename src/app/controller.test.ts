import { describe, expect, it } from 'vitest';
import { InferenceClient, type WorkerLike } from '@/engine/client';
import type { InspectInfo, LoadedInfo, WorkerRequest, WorkerResponse } from '@/engine/protocol';
import { startController } from './controller';
import { useApp } from './store';

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
  useApp.getState().selectHat('causal-lm');
  const fake = fakeWorker();
  const controller = startController(new InferenceClient(fake.worker));

  it('asks the worker to stop the run in flight and says "stopping" until the answer comes', async () => {
    await until(() => fake.runs().length === 1); // on-demand: one run when the model is ready
    const run = fake.runs()[0]!;
    expect(useApp.getState().run.phase).toBe('running');
    controller.stop();
    controller.stop(); // a second press (pointer down, then click) sends nothing more
    expect(fake.sent.filter((m) => m.type === 'stop')).toEqual([expect.objectContaining({ target: run.id })]);
    expect(useApp.getState().run).toMatchObject({ phase: 'running', stopping: true });
    fake.reply({ type: 'partial', id: run.id, output: { steps: 2 } });
    await new Promise((resolve) => setTimeout(resolve, 80)); // partials are drawn at most every 50 ms
    expect(useApp.getState().run).toMatchObject({ phase: 'running', stopping: true, partial: { steps: 2 } });
    fake.reply({ type: 'result', id: run.id, output: { steps: 2 }, stats: { ms: 1, device: 'wasm', dtype: 'q8', stopped: true } });
    await until(() => useApp.getState().run.phase === 'ready');
    expect(useApp.getState().run.stopping).toBeUndefined();
    expect(useApp.getState().run.result?.stats.stopped).toBe(true);
  });

  it('a press before the run reaches the worker means it never starts', async () => {
    const before = fake.runs().length;
    controller.runNow();
    expect(useApp.getState().run.phase).toBe('running');
    controller.stop();
    expect(useApp.getState().run.phase).toBe('ready');
    await settle();
    await settle();
    expect(fake.runs().length).toBe(before);
    expect(fake.sent.filter((m) => m.type === 'stop')).toHaveLength(1);
  });

  it('does nothing when no run is going on', () => {
    const sent = fake.sent.length;
    controller.stop();
    expect(fake.sent.length).toBe(sent);
    expect(useApp.getState().run.phase).toBe('ready');
  });
});
