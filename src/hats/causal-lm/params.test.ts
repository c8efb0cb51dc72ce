import { describe, expect, it } from 'vitest';
import { causalCodec, clampSettings, DEFAULTS } from './params';

describe('the causal-lm params', () => {
  it('round-trips through a share link, writing only what differs from the defaults', () => {
    const p = { text: 'purr', max_new_tokens: 200, temperature: 0.7, top_k: 0, top_p: 0.9, seed: 7, pace: 'slow' as const };
    const query = new URLSearchParams(causalCodec.serialize(p));
    expect(causalCodec.parse(query)).toEqual({ params: p, notices: [] });
    expect(causalCodec.serialize(DEFAULTS)).toEqual([]);
  });

  it('clamps settings out of range from a link, with a notice each', () => {
    const { params, notices } = causalCodec.parse(new URLSearchParams('max_new_tokens=9999&temperature=-1&top_p=2&top_k=2.6&seed=abc'));
    expect(params).toMatchObject({ max_new_tokens: 256, temperature: 0, top_p: 1, top_k: 3, seed: 42 });
    expect(notices).toHaveLength(5);
    expect(notices[0]).toContain('New tokens 9999 is outside 1–256');
  });

  it('an unknown pace falls back to fast with a notice', () => {
    const { params, notices } = causalCodec.parse(new URLSearchParams('pace=turbo'));
    expect(params.pace).toBe('fast');
    expect(notices).toEqual([expect.stringContaining('turbo')]);
  });

  it('keeps an empty prompt (the model starts from its start token)', () => {
    expect(causalCodec.parse(new URLSearchParams('text=')).params.text).toBe('');
  });

  it('clampSettings notes typed values that were out of range', () => {
    const { params, notes } = clampSettings({ ...DEFAULTS, max_new_tokens: 0, temperature: 5 });
    expect(params).toMatchObject({ max_new_tokens: 1, temperature: 2 });
    expect(notes).toHaveLength(2);
    expect(clampSettings(DEFAULTS).notes).toEqual([]);
  });
});
