import { appendTracker, type Appended } from '@/engine/appended';
import { madePartial, type Emitted } from './adapter';

/**
 * [1] A generation hat writes a token every few milliseconds; the page cannot draw that fast, and a
 *     page that draws every partial falls behind the worker (a Stop then lands after the run ended).
 *     So partials are coalesced here, once for every hat: the first goes out at once, then at most one
 *     every `intervalMs`, always the newest. Adapters emit every step and never throttle themselves;
 *     one that passes a function has it called only for the partials that are posted.
 * [2] The lists a hat's seam names as appending go as what the page has not got yet.
 * [3] A partial that is due goes out from `emit` itself, by the clock: a looping hat may not give the
 *     worker's event loop a turn for a whole run (it lets messages in only when one is waiting, see
 *     pacer), so a timer would fire only after the run. The timer is for the last partial, when the
 *     steps stop coming (a slow pace, or a run that ends within the interval).
 * [4] Coalescing spares the page steps that come faster than it should draw them; a step that comes
 *     `quietMs` or more after the one before goes out at once if the last partial went `quietMs` ago,
 *     even within a longer interval: the slow pace's steps, half a second apart, each reach the page
 *     on a device whose interval is a second (engine.ts [1]).
 */
export function coalescePartials(
  post: (partial: unknown, appended?: Appended) => void,
  intervalMs: number,
  appends: readonly string[] = [],
  now: () => number = () => performance.now(),
  quietMs = intervalMs,
) {
  const tracker = appendTracker(appends);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { partial: Emitted<unknown> } | undefined;
  let sent = -Infinity;
  let emitted = -Infinity;
  const send = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!waiting) return;
    const { partial } = waiting;
    waiting = undefined;
    sent = now();
    const { output, appended } = tracker.tail(madePartial(partial)); // [2]
    post(output, appended);
  };
  return {
    emit(partial: Emitted<unknown>): void {
      const at = now();
      const quiet = at - emitted >= quietMs; // [4]
      emitted = at;
      waiting = { partial };
      const wait = sent + intervalMs - at;
      if (wait <= 0 || (quiet && at - sent >= quietMs)) send(); // [3]
      else timer ??= setTimeout(send, wait);
    },
    /** The run starts over: its next partial goes whole. */
    restart(): void {
      waiting = undefined;
      emitted = -Infinity;
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
