import { describe, expect, it } from 'vitest';
import type { WorkerRequest } from '@/engine/protocol';
import { Inbox } from './inbox';

const stop = (id: number): WorkerRequest => ({ type: 'stop', id, target: 1 });

describe('Inbox', () => {
  it('cannot tell whether a message is waiting until the page shares its count', () => {
    const inbox = new Inbox();
    inbox.receive(stop(1));
    expect(inbox.waiting()).toBeUndefined();
  });

  it('says a message is waiting while the page has posted more than the worker received', () => {
    const inbox = new Inbox();
    const posted = new Int32Array(new SharedArrayBuffer(4));
    // The page counts each message before it posts it, the mailbox itself first.
    Atomics.add(posted, 0, 1);
    inbox.receive({ type: 'mailbox', id: 1, posted });
    expect(inbox.waiting()).toBe(false);
    Atomics.add(posted, 0, 2); // a run and a stop on their way
    expect(inbox.waiting()).toBe(true);
    inbox.receive({ type: 'run', id: 2, spec: { hat: 'h', model: 'm', dtype: 'auto', device: 'auto', host: 'h' }, params: {} });
    expect(inbox.waiting()).toBe(true);
    inbox.receive(stop(3));
    expect(inbox.waiting()).toBe(false);
  });
});
