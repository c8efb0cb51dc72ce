import { describe, expect, it } from 'vitest';
import { SLOW_STEP_MS } from '@/lib/pace';
import { pacer } from './adapter';

describe('pacer', () => {
  it('at the fast pace only yields, before every step', async () => {
    const pause = pacer('fast', new AbortController().signal);
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await pause();
    expect(performance.now() - t0).toBeLessThan(SLOW_STEP_MS);
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
