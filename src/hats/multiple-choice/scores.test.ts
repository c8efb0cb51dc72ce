import { describe, expect, it } from 'vitest';
import { scoreChoices } from './scores';

describe('scoreChoices', () => {
  it('softmaxes across the choices, not within one, and names the best', () => {
    const { choices, best } = scoreChoices([Math.log(6), Math.log(3), 0], ['fish', 'moon', 'book'], [], []);
    expect(best).toBe(0);
    expect(choices.map((c) => c.score)).toEqual([0.6, 0.3, 0.1].map((p) => expect.closeTo(p, 9)));
    expect(choices.reduce((s, c) => s + c.score, 0)).toBeCloseTo(1, 12);
    expect(choices[1]).toMatchObject({ index: 1, text: 'moon', logit: Math.log(3) });
  });

  it('only differences between logits matter: adding a constant changes nothing', () => {
    const a = scoreChoices([1, 2, 3], ['a', 'b', 'c'], [], []).choices.map((c) => c.score);
    const b = scoreChoices([1001, 1002, 1003], ['a', 'b', 'c'], [], []).choices.map((c) => c.score);
    b.forEach((p, i) => expect(p).toBeCloseTo(a[i]!, 9));
  });

  it('keeps the order the choices were typed in when a later one wins', () => {
    const { choices, best } = scoreChoices([0, 2], ['x', 'y'], [[], []], [false, true]);
    expect(best).toBe(1);
    expect(choices.map((c) => c.text)).toEqual(['x', 'y']);
    expect(choices[1]!.truncated).toBe(true);
  });

  it('refuses logits that do not match the choices', () => {
    expect(() => scoreChoices([1, 2, 3], ['a', 'b'], [], [])).toThrow(/one per choice/);
  });
});
