import { describe, expect, it } from 'vitest';
import type { ModelSpec, WorkerResponse } from '@/engine/protocol';
import type { HatAdapter } from './adapter';
import { Engine } from './engine';
import { EngineError } from './errors';
import { guardedFetch } from './net/fetch';
import { fakeEngineDeps } from './sdk/testing';

/*
 * One model's failure must not become the next one's: a load that hangs on a silent host is
 * cancelled or times out without blocking the queue, a refusal of ours leaves the worker as it
 * was, and a failure from inside the runtime marks the worker for replacement and drops the
 * model's cached files.
 */

const facts = { modelType: 'bert', architectures: [], maxLength: 64, hasTokenTypeIds: true };
const never = () => new Promise<Response>(() => undefined);

function setup(load: (model: string) => Promise<void>) {
  const posted: WorkerResponse[] = [];
  const evicted: string[] = [];
  const adapter: HatAdapter = {
    async load(ctx) {
      await load(ctx.model);
      return { facts, run: async () => ({ output: ctx.model }), dispose: async () => undefined };
    },
  };
  const engine = new Engine(fakeEngineDeps(adapter, posted, { evict: async (host, model) => void evicted.push(`${host}|${model}`) }));
  const outcome = () => posted.filter((m) => m.type === 'ready' || m.type === 'error').map((m) => (m.type === 'error' ? [m.id, m.error.kind, !!m.error.restart] : [m.id, 'ready']));
  return { engine, posted, evicted, outcome };
}

const spec = (model: string, extra: Partial<ModelSpec> = {}): ModelSpec => ({ hat: 'hat', model, dtype: 'auto', device: 'auto', host: 'http://h', ...extra });
const fetchFrom = (model: string) => guardedFetch(`http://h/${model}/resolve/main/config.json`, {}, never);

describe('Engine: isolation of failures', () => {
  it('a host that never answers stalls after the request’s limit, and the next model loads', async () => {
    const { engine, outcome, posted } = setup(async (model) => {
      if (model === 'org/silent') await fetchFrom(model);
    });
    await engine.handle({ type: 'load', id: 1, spec: spec('org/silent', { stallMs: 30 }) });
    await engine.handle({ type: 'load', id: 2, spec: spec('org/fine') });
    expect(outcome()).toEqual([
      [1, 'stalled', false],
      [2, 'ready'],
    ]);
    expect(posted.find((m) => m.type === 'error')).toMatchObject({ error: { message: expect.stringMatching(/^http:\/\/h stopped sending config\.json of “org\/silent”: nothing arrived for 1 second\./) } });
  });

  it('a cancel ends a load hanging on the network at once, and the queue goes on', async () => {
    const { engine, outcome } = setup(async (model) => {
      if (model === 'org/silent') await fetchFrom(model);
    });
    const first = engine.handle({ type: 'load', id: 1, spec: spec('org/silent') });
    const second = engine.handle({ type: 'load', id: 2, spec: spec('org/fine') });
    await new Promise((r) => setTimeout(r, 10));
    await engine.handle({ type: 'cancel', id: 3, target: 1 });
    await Promise.all([first, second]);
    expect(outcome()).toEqual([
      [1, 'cancelled', false],
      [2, 'ready'],
    ]);
  });

  it('a refusal of ours leaves the worker usable; a failure from inside the runtime marks it for replacement', async () => {
    const { engine, outcome, evicted } = setup(async (model) => {
      if (model === 'org/refused') throw new EngineError('wrong-content', 'a web page');
      if (model === 'org/broken') throw new Error("Can't create a session. ERROR_CODE: 7, ERROR_MESSAGE: Failed to load model because protobuf parsing failed.");
    });
    await engine.handle({ type: 'load', id: 1, spec: spec('org/refused') });
    await engine.handle({ type: 'load', id: 2, spec: spec('org/fine') });
    await engine.handle({ type: 'load', id: 3, spec: spec('org/broken') });
    await engine.handle({ type: 'load', id: 4, spec: spec('org/fine2') });
    await engine.handle({ type: 'inspect', id: 5, spec: spec('org/fine2') });
    expect(outcome()).toEqual([
      [1, 'wrong-content', false],
      [2, 'ready'],
      [3, 'damaged', true],
      [4, 'damaged', true],
    ]);
    expect(evicted).toEqual(['http://h|org/refused', 'http://h|org/broken']);
  });
});
