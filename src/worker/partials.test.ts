import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalescePartials } from './partials';

describe('coalescePartials', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a due partial from emit itself, by the clock, when the worker never gets back to its event loop', () => {
    vi.useFakeTimers();
    let clock = 0;
    const sent: unknown[] = [];
    const partials = coalescePartials((p) => sent.push(p), 100, [], () => clock);
    // A loop that never yields: the clock moves, no timer can fire.
    for (let step = 1; step <= 25; step++, clock += 10) partials.emit({ step });
    // Steps at 0, 10, … 240 ms: the first at once, then the newest whenever 100 ms have passed.
    expect(sent).toEqual([{ step: 1 }, { step: 11 }, { step: 21 }]);
    partials.close();
  });

  it('sends the last partial by its timer when the steps stop coming', async () => {
    vi.useFakeTimers();
    const sent: unknown[] = [];
    const partials = coalescePartials((p) => sent.push(p), 100, [], () => Date.now());
    partials.emit({ step: 1 });
    await vi.advanceTimersByTimeAsync(30);
    partials.emit({ step: 2 });
    partials.emit({ step: 3 });
    expect(sent).toEqual([{ step: 1 }]);
    await vi.advanceTimersByTimeAsync(69);
    expect(sent).toEqual([{ step: 1 }]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ step: 1 }, { step: 3 }]);
    // Nothing new: the timer does not send again.
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([{ step: 1 }, { step: 3 }]);
  });

  it('sends a step that follows a quiet gap at once, within a longer interval, and coalesces fast steps', () => {
    let clock = 0;
    const sent: unknown[] = [];
    const partials = coalescePartials((p) => sent.push(p), 1000, [], () => clock, 500);
    // A slow pace: steps 520 ms apart each go out, though the interval is a second.
    for (let step = 1; step <= 3; step++, clock += 520) partials.emit({ step });
    expect(sent).toEqual([{ step: 1 }, { step: 2 }, { step: 3 }]);
    // Then fast steps, 10 ms apart: the newest once the interval has passed since the last sent.
    clock += 600;
    for (let step = 4; step <= 200; step++, clock += 10) partials.emit({ step });
    expect(sent).toEqual([{ step: 1 }, { step: 2 }, { step: 3 }, { step: 4 }, { step: 104 }]);
    partials.close();
  });

  it('sends nothing after close, even a partial its timer was waiting to send', async () => {
    vi.useFakeTimers();
    const sent: unknown[] = [];
    const partials = coalescePartials((p) => sent.push(p), 100, [], () => Date.now());
    partials.emit({ step: 1 });
    partials.emit({ step: 2 });
    partials.close();
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([{ step: 1 }]);
  });
});
