import { describe, expect, it } from 'vitest';
import { InferenceClient, type WorkerLike } from '@/engine/client';
import type { WorkerRequest } from '@/engine/protocol';
import { createController } from './controller';
import { createAppStore } from './store';

/*
 * A load stuck on a host that never answers must not keep the page: whatever the person does next
 * (another model, hat or host, or Cancel) cancels it in the worker, and the next request goes out.
 */

/** A worker that never answers: every request stays in flight until the page cancels it. */
function silentWorker() {
  const sent: WorkerRequest[] = [];
  const worker: WorkerLike = { postMessage: (m) => void sent.push(m), addEventListener() {}, terminate() {} };
  const live = () => {
    const cancelled = new Set(sent.flatMap((m) => (m.type === 'cancel' ? [m.target] : [])));
    return sent.filter((m) => m.type !== 'cancel' && !cancelled.has(m.id));
  };
  return { worker, sent, live };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const store = createAppStore({ search: '?hat=masked-lm&model=org/silent' });
  const fake = silentWorker();
  const controller = createController(new InferenceClient(() => fake.worker), store);
  return { store, fake, controller, first: fake.sent[0]! };
}

describe('cancelling a load in flight', () => {
  it('asks with the stall limit from the settings, and a new limit does not start another load', async () => {
    const { store, fake, first } = setup();
    expect(first).toMatchObject({ type: 'inspect', spec: { model: 'org/silent', stallMs: 30_000 } });
    store.getState().setSettings({ stallSeconds: 2 });
    await settle();
    expect(fake.sent).toHaveLength(1);
  });

  for (const [what, change] of [
    ['another model', (s) => s.updateChoice({ model: 'org/other' })],
    ['another hat', (s) => s.selectHat('causal-lm')],
    ['another host', (s) => s.setSettings({ host: 'http://mirror.test' })],
  ] as const satisfies readonly [string, (s: ReturnType<ReturnType<typeof createAppStore>['getState']>) => void][]) {
    it(`${what} cancels it in the worker, and the new request goes out at once`, async () => {
      const { store, fake, first } = setup();
      change(store.getState());
      await settle();
      expect(fake.sent.slice(1).map((m) => m.type)).toEqual(['cancel', 'inspect']);
      expect(fake.sent[1]).toMatchObject({ target: first.id });
      expect(fake.live()).toEqual([fake.sent[2]]);
      expect(store.getState().model.phase).toBe('inspecting');
    });
  }

  it('Cancel stops it and says so; Retry starts it again', async () => {
    const { store, fake, controller, first } = setup();
    controller.cancel();
    expect(fake.sent[1]).toMatchObject({ type: 'cancel', target: first.id });
    expect(store.getState().model).toMatchObject({
      phase: 'error',
      error: { kind: 'cancelled', message: 'Loading “org/silent” was cancelled. Retry starts it again, or pick another model.' },
    });
    await settle();
    expect(store.getState().model.phase).toBe('error');
    controller.cancel(); // nothing in flight: nothing more is sent
    expect(fake.sent).toHaveLength(2);
    controller.retry();
    expect(fake.live()).toEqual([expect.objectContaining({ type: 'inspect', spec: expect.objectContaining({ model: 'org/silent' }) })]);
    expect(store.getState().model.phase).toBe('inspecting');
  });
});
