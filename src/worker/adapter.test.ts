import { describe, expect, it } from 'vitest';
import { SLOW_STEP_MS } from '@/lib/pace';
import { pacer, YIELD_EVERY_MS } from './adapter';

describe('pacer', () => {
  it('at the fast pace adds no wait', async () => {
    const pause = pacer('fast', new AbortController().signal);
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await pause();
    expect(performance.now() - t0).toBeLessThan(SLOW_STEP_MS);
  });

  it('at the fast pace lets messages in before the first step, then once YIELD_EVERY_MS have passed', async () => {
    let clock = 0;
    const yields: number[] = [];
    const pause = pacer('fast', new AbortController().signal, () => clock, async () => void yields.push(clock));
    // Steps of 3 ms: the worker sees its messages at 0, 21, 42 and 63 ms, not before every step.
    for (let step = 0; step < 25; step++, clock += 3) await pause();
    expect(yields).toEqual([0, 21, 42, 63]);
  });

  it('at the fast pace lets messages in before every step when each step takes longer than YIELD_EVERY_MS', async () => {
    let clock = 0;
    let yields = 0;
    const pause = pacer('fast', new AbortController().signal, () => clock, async () => void yields++);
    for (let step = 0; step < 5; step++, clock += YIELD_EVERY_MS + 1) await pause();
    expect(yields).toBe(5);
  });

  it('with a mailbox, lets messages in before the first step and then only when one is waiting, however long the run', async () => {
    let clock = 0;
    const yields: number[] = [];
    let waiting = false;
    const pause = pacer('fast', new AbortController().signal, () => clock, async () => void yields.push(clock), () => waiting);
    // Steps of 3 ms; the page posts a Stop during the step that starts at 60 ms.
    for (let step = 0; step < 40; step++, clock += 3) {
      await pause();
      waiting = clock === 60;
    }
    expect(yields).toEqual([0, 63]);
  });

  it('at the slow pace lets the first step go at once and waits before each later one', async () => {
    const pause = pacer('slow', new AbortController().signal);
    const t0 = performance.now();
    await pause();
    expect(performance.now() - t0).toBeLessThan(SLOW_STEP_MS / 2);
    await pause();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(SLOW_STEP_MS - 5);
  });

  it('ends the wait at once when the run is stopped', async () => {
    const stop = new AbortController();
    const pause = pacer('slow', stop.signal);
    await pause();
    const t0 = performance.now();
    const waiting = pause();
    setTimeout(() => stop.abort(), 20);
    await waiting;
    expect(performance.now() - t0).toBeLessThan(SLOW_STEP_MS / 2);
  });
});
