import type { WorkerRequest } from '@/engine/protocol';

/**
 * What the worker has received of the page's messages, against the count the page keeps of what it
 * has posted (the mailbox, engine/client.ts [3]). A hat that loops asks `waiting()` before a step and
 * gives the event loop a turn only when a message is on its way or queued. Without a mailbox (a page
 * that is not cross-origin isolated) it cannot know, and `waiting()` says so with undefined.
 */
export class Inbox {
  private posted: Int32Array | undefined;
  private received = 0;

  /** Called for every message the worker receives, before it is handled. */
  receive(request: WorkerRequest): void {
    this.received++;
    if (request.type === 'mailbox') this.posted = request.posted;
  }

  waiting(): boolean | undefined {
    return this.posted ? Atomics.load(this.posted, 0) !== this.received : undefined;
  }
}

/** The worker's inbox (one worker, one page). */
export const inbox = new Inbox();
