import { describe, expect, it } from 'vitest';
import { EngineFailure, InferenceClient, Lane, type WorkerLike } from './client';
import type { LoadedInfo, WorkerRequest, WorkerResponse } from './protocol';

class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  private listener?: (event: MessageEvent<WorkerResponse>) => void;
  postMessage(message: WorkerRequest) {
    this.sent.push(message);
  }
  addEventListener(type: string, listener: (event: never) => void) {
    if (type === 'message') this.listener = listener as (event: MessageEvent<WorkerResponse>) => void;
  }
  terminate() {}
  reply(message: WorkerResponse) {
    this.listener?.({ data: message } as MessageEvent<WorkerResponse>);
  }
}

const spec = { hat: 'masked-lm', model: 'org/m', dtype: 'auto', device: 'auto', host: 'http://h' } as const;
const info = { key: 'k', model: 'org/m', device: 'wasm', dtype: 'q8' } as LoadedInfo;

describe('InferenceClient', () => {
  it('gives every request its own id and settles it from the matching answers only', async () => {
    const worker = new FakeWorker();
    const client = new InferenceClient(worker);
    const progress: number[] = [];
    const readies: string[] = [];
    const run = client.run(spec, { text: 'x' }, { onProgress: (p) => progress.push(p.loaded), onReady: (i) => readies.push(i.key) });
    const load = client.load(spec);
    expect(worker.sent.map((m) => m.id)).toEqual([run.id, load.id]);
    expect(run.id).not.toBe(load.id);

    worker.reply({ type: 'progress', id: run.id, loaded: 5, total: 10 });
    worker.reply({ type: 'ready', id: run.id, info });
    worker.reply({ type: 'ready', id: load.id, info });
    await expect(load.promise).resolves.toEqual(info);
    worker.reply({ type: 'result', id: run.id, output: { ok: 1 }, stats: { ms: 3, device: 'wasm', dtype: 'q8' } });
    await expect(run.promise).resolves.toMatchObject({ output: { ok: 1 } });
    expect(progress).toEqual([5]);
    expect(readies).toEqual(['k']);
  });

  it('rejects with the worker error kind, and sends cancels for a target id', async () => {
    const worker = new FakeWorker();
    const client = new InferenceClient(worker);
    const run = client.run(spec, {});
    client.cancel(run.id);
    expect(worker.sent[1]).toMatchObject({ type: 'cancel', target: run.id });
    worker.reply({ type: 'error', id: run.id, error: { kind: 'cancelled', message: 'Cancelled.' } });
    const error = await run.promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineFailure);
    expect((error as EngineFailure).error.kind).toBe('cancelled');
  });

  it('a lane keeps only its newest request: the older one is cancelled and nothing it says arrives', async () => {
    const worker = new FakeWorker();
    const client = new InferenceClient(worker);
    const lane = new Lane(client);
    const partials: unknown[] = [];
    const first = lane.send((c) => c.run(spec, { n: 1 }, { onPartial: (p) => partials.push(p) }));
    const second = lane.send((c) => c.run(spec, { n: 2 }, { onPartial: (p) => partials.push(p) }));
    expect(worker.sent.map((m) => m.type)).toEqual(['run', 'cancel', 'run']);
    expect(worker.sent[1]).toMatchObject({ target: first.id });
    expect(lane.current).toBe(second.id);
    await expect(first.promise).rejects.toMatchObject({ error: { kind: 'cancelled' } });

    worker.reply({ type: 'partial', id: first.id, output: 'old' });
    worker.reply({ type: 'result', id: first.id, output: 'old', stats: { ms: 1, device: 'wasm', dtype: 'q8' } });
    worker.reply({ type: 'partial', id: second.id, output: 'new' });
    worker.reply({ type: 'result', id: second.id, output: 'new', stats: { ms: 1, device: 'wasm', dtype: 'q8' } });
    await expect(second.promise).resolves.toMatchObject({ output: 'new' });
    expect(partials).toEqual(['new']);
    expect(lane.current).toBeUndefined();
    // Nothing live: a new request goes out alone.
    lane.send((c) => c.run(spec, { n: 3 }));
    expect(worker.sent.map((m) => m.type)).toEqual(['run', 'cancel', 'run', 'run']);
  });
});
