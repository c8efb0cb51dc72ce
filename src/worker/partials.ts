import { madePartial, type Emitted } from './adapter';

/**
 * [1] A generation hat writes a token every few milliseconds; the page cannot draw that fast, and a
 *     page that draws every partial falls behind the worker (a Stop then lands after the run ended).
 *     So partials are coalesced here, once for every hat: the first goes out at once, then at most one
 *     every `intervalMs`, always the newest. Adapters emit every step and never throttle themselves;
 *     one that passes a function has it called only for the partials that are posted.
 */
export function coalescePartials(post: (partial: unknown) => void, intervalMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { partial: Emitted<unknown> } | undefined;
  const tick = () => {
    if (!waiting) {
      timer = undefined;
      return;
    }
    const { partial } = waiting;
    waiting = undefined;
    post(madePartial(partial));
    timer = setTimeout(tick, intervalMs);
  };
  return {
    emit(partial: Emitted<unknown>): void {
      waiting = { partial };
      if (timer === undefined) tick();
    },
    /** The run has answered: a partial still waiting would only arrive after the result. */
    close(): void {
      clearTimeout(timer);
      timer = undefined;
      waiting = undefined;
    },
  };
}
