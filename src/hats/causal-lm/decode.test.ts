import { describe, expect, it } from 'vitest';
import { decode, fitToWindow, type Forward } from './decode';

/** A fake model: the next token is (last + 1) mod 5, token 4 is the end token; records what it was fed. */
function counter(calls: { ids: number[]; fed: number }[] = []): Forward {
  return async (ids, fed) => {
    calls.push({ ids: [...ids], fed });
    const logits = new Float32Array(5);
    logits[(ids.at(-1)! + 1) % 5] = 10;
    return logits;
  };
}

const greedy = { temperature: 0, topK: 0, topP: 1 };

describe('the decoding loop', () => {
  it('appends the chosen token and tells forward how many tokens it has already seen', async () => {
    const calls: { ids: number[]; fed: number }[] = [];
    const r = await decode({ promptIds: [0, 1], maxNewTokens: 10, eosIds: [4], settings: greedy, seed: 1, forward: counter(calls) });
    expect(r.steps.map((s) => s.id)).toEqual([2, 3, 4]);
    expect(r.finish).toBe('eos');
    expect(calls.map((c) => c.fed)).toEqual([0, 2, 3]);
    expect(calls[2]!.ids).toEqual([0, 1, 2, 3]);
  });

  it('stops after max_new_tokens', async () => {
    const r = await decode({ promptIds: [0], maxNewTokens: 2, eosIds: [4], settings: greedy, seed: 1, forward: counter() });
    expect(r.steps.map((s) => s.id)).toEqual([1, 2]);
    expect(r.finish).toBe('length');
  });

  it('stops when asked and keeps what it has', async () => {
    const stop = new AbortController();
    const r = await decode({
      promptIds: [0],
      maxNewTokens: 100,
      eosIds: [],
      settings: greedy,
      seed: 1,
      forward: counter(),
      signal: stop.signal,
      onStep: (steps) => steps.length === 3 && stop.abort(),
    });
    expect(r.finish).toBe('stopped');
    expect(r.steps.map((s) => s.id)).toEqual([1, 2, 3]);
  });

  it('samples the same tokens with the same seed', async () => {
    const flat: Forward = async () => new Float32Array(50);
    const run = (seed: number) =>
      decode({ promptIds: [0], maxNewTokens: 12, eosIds: [], settings: { temperature: 1, topK: 0, topP: 1 }, seed, forward: flat });
    const [a, b, c] = [await run(42), await run(42), await run(7)];
    expect(a.steps.map((s) => s.id)).toEqual(b.steps.map((s) => s.id));
    expect(a.steps.map((s) => s.id)).not.toEqual(c.steps.map((s) => s.id));
  });
});

describe('fitting the window', () => {
  it('leaves a prompt that fits alone', () => {
    expect(fitToWindow([1, 2, 3], 5, 10)).toEqual({ ids: [1, 2, 3], maxNewTokens: 5, dropped: 0, notes: [] });
  });

  it('keeps the last prompt tokens that leave room for the new ones, and says so', () => {
    const fit = fitToWindow([1, 2, 3, 4, 5, 6, 7, 8], 5, 10);
    expect(fit.ids).toEqual([4, 5, 6, 7, 8]);
    expect(fit.dropped).toBe(3);
    expect(fit.notes.join(' ')).toContain('reads only the last 5');
  });

  it('never asks for more new tokens than the window holds', () => {
    const fit = fitToWindow([1, 2, 3], 64, 16);
    expect(fit.maxNewTokens).toBe(15);
    expect(fit.ids).toEqual([3]);
    expect(fit.notes).toHaveLength(2);
  });
});
