import { describe, expect, it } from 'vitest';
import { defaultChoice } from '../share-link';
import { createAppStore, currentHat } from '../store';

describe('the mirror in the address', () => {
  it('?view=mirror opens the mirror with its own model and text; the hats behind it start from their defaults', () => {
    const s = createAppStore({ search: '?view=mirror&model=hw-test/tiny-bert-mirror&text=hi&present=1' }).getState();
    expect(s.mirror).toMatchObject({ model: 'hw-test/tiny-bert-mirror', text: 'hi' });
    expect(s.choices[s.hatId]).toEqual(defaultChoice(currentHat(s)));
    expect(s.presenter).toBe(true);
    expect(s.notices).toEqual([]);
  });

  it('an unknown view shows the hats, with a notice', () => {
    const s = createAppStore({ search: '?view=kaleidoscope' }).getState();
    expect(s.mirror).toBeNull();
    expect(s.notices.map((n) => n.text).join(' ')).toMatch(/kaleidoscope/);
  });
});
