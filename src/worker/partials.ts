import { appendTracker, type Appended } from '@/engine/appended';
import { madePartial, type Emitted } from './adapter';

/**
 * [1] A generation hat writes a token every few milliseconds; the page cannot draw that fast, and a
 *     page that draws every partial falls behind the worker (a Stop then lands after the run ended).
 *     So partials are coalesced here, once for every hat: the first goes out at once, then at most one
 *     every `intervalMs`, always the newest. Adapters emit every step and never throttle themselves;
 *     one that passes a function has it called only for the partials that are posted.
 * [2] The lists a hat's seam names as appending go as what the page has not got yet.
 */
export function coalescePartials(post: (partial: unknown, appended?: Appended) => void, intervalMs: number, appends: readonly string[] = []) {
  const tracker = appendTracker(appends);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { partial: Emitted<unknown> } | undefined;
  const tick = () => {
    if (!waiting) {
      timer = undefined;
      return;
    }
    const { partial } = waiting;
    waiting = undefined;
    const { output, appended } = tracker.tail(madePartial(partial)); // [2]
    post(output, appended);
    timer = setTimeout(tick, intervalMs);
  };
  return {
    emit(partial: Emitted<unknown>): void {
      waiting = { partial };
      if (timer === undefined) tick();
    },
    /** The run starts over: its next partial goes whole. */
    restart(): void {
      waiting = undefined;
      tracker.reset();
    },
    /** The run has answered: a partial still waiting would only arrive after the result. */
    close(): void {
      clearTimeout(timer);
      timer = undefined;
      waiting = undefined;
    },
  };
}
