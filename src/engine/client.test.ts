import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineFailure, InferenceClient, Lane, type WorkerLike } from './client';
import type { LoadedInfo, WorkerRequest, WorkerResponse } from './protocol';

class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  terminated = false;
  private listener?: (event: MessageEvent<WorkerResponse>) => void;
  private onError?: (event: ErrorEvent) => void;
  postMessage(message: WorkerRequest) {
    this.sent.push(message);
  }
  addEventListener(type: string, listener: (event: never) => void) {
    if (type === 'message') this.listener = listener as (event: MessageEvent<WorkerResponse>) => void;
    if (type === 'error') this.onError = listener as (event: ErrorEvent) => void;
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: WorkerResponse) {
    this.listener?.({ data: message } as MessageEvent<WorkerResponse>);
  }
  die(message: string) {
    this.onError?.({ message } as ErrorEvent);
  }
}

/** A client on a factory of fake workers: `workers` lists every worker it started, newest last. */
function clientWithWorkers() {
  const workers: FakeWorker[] = [];
  const client = new InferenceClient(() => {
    workers.push(new FakeWorker());
    return workers.at(-1)!;
  });
  const restarts: unknown[] = [];
  client.onRestart((r) => restarts.push(r));
  return { client, workers, restarts };
}

const spec = { hat: 'masked-lm', model: 'org/m', dtype: 'auto', device: 'auto', host: 'http://h' } as const;
const info = { key: 'k', model: 'org/m', device: 'wasm', dtype: 'q8' } as LoadedInfo;

describe('InferenceClient', () => {
  it('gives every request its own id and settles it from the matching answers only', async () => {
    const worker = new FakeWorker();
    const client = new InferenceClient(() => worker);
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
    const client = new InferenceClient(() => worker);
    const run = client.run(spec, {});
    client.cancel(run.id);
    expect(worker.sent[1]).toMatchObject({ type: 'cancel', target: run.id });
    worker.reply({ type: 'error', id: run.id, error: { kind: 'cancelled', message: 'Cancelled.' } });
    const error = await run.promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineFailure);
    expect((error as EngineFailure).error.kind).toBe('cancelled');
  });

  it('puts a partial that carries only the new items of its lists back together before the page sees it', () => {
    const worker = new FakeWorker();
    const client = new InferenceClient(() => worker);
    const partials: unknown[] = [];
    const run = client.run(spec, {}, { onPartial: (p) => partials.push(p) });
    worker.reply({ type: 'partial', id: run.id, output: { text: 'a', steps: ['a'] }, appended: { steps: 0 } });
    worker.reply({ type: 'partial', id: run.id, output: { text: 'abc', steps: ['b', 'c'] }, appended: { steps: 1 } });
    expect(partials).toEqual([
      { text: 'a', steps: ['a'] },
      { text: 'abc', steps: ['a', 'b', 'c'] },
    ]);
  });

  it('a lane keeps only its newest request: the older one is cancelled and nothing it says arrives', async () => {
    const worker = new FakeWorker();
    const client = new InferenceClient(() => worker);
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

describe('InferenceClient: a worker whose runtime failed is replaced', () => {
  const damaged = { kind: 'damaged', message: 'A file of “org/bad” is damaged.', restart: true } as const;
  const bad = { ...spec, model: 'org/bad' };

  it('terminates it, starts a fresh one, fails only the request that spent it and sends the others again', async () => {
    const { client, workers, restarts } = clientWithWorkers();
    const load = client.load(bad);
    const next = client.inspect(spec);
    const run = client.run(spec, { text: 'x' });
    expect(workers).toHaveLength(1);
    workers[0]!.reply({ type: 'error', id: load.id, error: damaged });

    await expect(load.promise).rejects.toMatchObject({ error: damaged });
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.sent).toEqual([expect.objectContaining({ type: 'inspect', id: next.id }), expect.objectContaining({ type: 'run', id: run.id })]);
    expect(restarts).toEqual([{ error: damaged, model: 'org/bad' }]);

    // The old worker's answers (its spent runtime refusing the rest) are not heard; the fresh one's are.
    workers[0]!.reply({ type: 'error', id: next.id, error: damaged });
    workers[1]!.reply({ type: 'ready', id: run.id, info });
    workers[1]!.reply({ type: 'result', id: run.id, output: 'fine', stats: { ms: 1, device: 'wasm', dtype: 'q8' } });
    await expect(run.promise).resolves.toMatchObject({ output: 'fine' });
    const later = client.load(spec);
    expect(workers[1]!.sent.at(-1)).toMatchObject({ type: 'load', id: later.id });
    expect(workers).toHaveLength(2);
  });

  it('replaces it too when the request that spent it was already cancelled (the page moved on)', () => {
    const { client, workers, restarts } = clientWithWorkers();
    const load = client.load(bad);
    load.promise.catch(() => undefined);
    client.cancel(load.id);
    workers[0]!.reply({ type: 'error', id: load.id, error: damaged });
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(restarts).toEqual([{ error: damaged, model: undefined }]);
  });

  it('an error without restart keeps the worker', async () => {
    const { client, workers, restarts } = clientWithWorkers();
    const load = client.load(bad);
    workers[0]!.reply({ type: 'error', id: load.id, error: { kind: 'host-status', message: '500' } });
    await expect(load.promise).rejects.toMatchObject({ error: { kind: 'host-status' } });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
    expect(restarts).toEqual([]);
  });

  it('a worker that died fails what it held and the next request starts a fresh one', async () => {
    const { client, workers, restarts } = clientWithWorkers();
    const load = client.load(spec);
    workers[0]!.die('out of memory');
    await expect(load.promise).rejects.toMatchObject({ error: { kind: 'internal', restart: true, detail: 'out of memory' } });
    expect(workers[0]!.terminated).toBe(true);
    expect(restarts).toHaveLength(1);
    // Not started until asked: a worker that cannot start does not loop.
    expect(workers).toHaveLength(1);
    const retry = client.load(spec);
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ type: 'ready', id: retry.id, info });
    await expect(retry.promise).resolves.toEqual(info);
  });

  describe('on a cross-origin-isolated page', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    /** The count the page shares with a worker: the mailbox, the first message it was sent. */
    const mailboxOf = (worker: FakeWorker) => {
      const first = worker.sent[0];
      if (first?.type !== 'mailbox') throw new Error(`the first message was ${first?.type}, not the mailbox`);
      return first.posted;
    };

    it('sends each worker first a shared count of the messages posted to it, raised before each post', () => {
      vi.stubGlobal('crossOriginIsolated', true);
      const { client, workers } = clientWithWorkers();
      const posted = mailboxOf(workers[0]!);
      expect(posted.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Atomics.load(posted, 0)).toBe(1);
      const run = client.run(spec, { text: 'x' });
      client.stop(run.id);
      const load = client.load(spec);
      client.cancel(load.id);
      load.promise.catch(() => undefined);
      expect(workers[0]!.sent.map((m) => m.type)).toEqual(['mailbox', 'run', 'stop', 'load', 'cancel']);
      expect(Atomics.load(posted, 0)).toBe(workers[0]!.sent.length);
    });

    it('gives a worker started in place of a spent one a count of its own', () => {
      vi.stubGlobal('crossOriginIsolated', true);
      const { client, workers } = clientWithWorkers();
      const load = client.load(bad);
      const run = client.run(spec, { text: 'x' });
      workers[0]!.reply({ type: 'error', id: load.id, error: damaged });
      load.promise.catch(() => undefined);
      expect(workers[1]!.sent.map((m) => m.type)).toEqual(['mailbox', 'run']);
      expect(Atomics.load(mailboxOf(workers[1]!), 0)).toBe(2);
      expect(mailboxOf(workers[1]!)).not.toBe(mailboxOf(workers[0]!));
      expect(Atomics.load(mailboxOf(workers[0]!), 0)).toBe(3);
      void run;
    });
  });

  it('shares no count where the page is not cross-origin isolated', () => {
    const { client, workers } = clientWithWorkers();
    client.run(spec, { text: 'x' });
    expect(workers[0]!.sent.map((m) => m.type)).toEqual(['run']);
  });
});
