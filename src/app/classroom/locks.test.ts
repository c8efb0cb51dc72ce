import { describe, expect, it } from 'vitest';
import { findHat } from '@/hats/registry';
import { enforceLocks, paramKeys } from './locks';

const mlm = findHat('masked-lm')!;
const step = { text: 'the cat says [MASK] .', top_k: 3 };

describe('lesson locks', () => {
  it('hold a locked param at the step’s value and let the others change', () => {
    const edited = { text: 'my own [MASK] words', top_k: 5 };
    const r = enforceLocks(mlm, edited, step, ['text', 'model']);
    expect(r.reverted).toEqual(['text']);
    expect(r.params).toEqual({ text: 'the cat says [MASK] .', top_k: 5 });
  });

  it('pass an edit through untouched when no locked value changes', () => {
    const edited = { text: 'the cat says [MASK] .', top_k: 9 };
    expect(enforceLocks(mlm, edited, step, ['text'])).toEqual({ params: edited, reverted: [] });
    expect(enforceLocks(mlm, edited, step, []).params).toBe(edited);
  });

  it('list the hat’s own keys of a step link, not the model bar’s', () => {
    expect(paramKeys('v=1&hat=masked-lm&model=a%2Fb&dtype=q8&text=x&top_k=3&present=1')).toEqual(['text', 'top_k']);
  });
});
