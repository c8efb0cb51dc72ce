import { describe, expect, it } from 'vitest';
import { appendTracker, withAppended } from './appended';

const whole = (n: number) => ({ text: `${n} steps`, steps: Array.from({ length: n }, (_, i) => ({ id: i })) });

describe('partials that grow by appending', () => {
  it('sends what the page has not got, and the page puts the whole back together', () => {
    const tracker = appendTracker(['steps']);
    let page: unknown;
    const sent: unknown[] = [];
    for (const n of [1, 4, 4, 9]) {
      const { output, appended } = tracker.tail(whole(n));
      sent.push(output);
      page = withAppended(page, output, appended);
      expect(page).toEqual(whole(n));
    }
    expect(sent.map((s) => (s as ReturnType<typeof whole>).steps.map((x) => x.id))).toEqual([[0], [1, 2, 3], [], [4, 5, 6, 7, 8]]);
    // Fields that are not appending lists go whole every time.
    expect((sent[3] as { text: string }).text).toBe('9 steps');
  });

  it('keeps the items the page already had, so what was drawn for them can stay', () => {
    const tracker = appendTracker(['steps']);
    const onPage = (had: unknown, n: number) => {
      const { output, appended } = tracker.tail(whole(n));
      return withAppended(had, output, appended) as ReturnType<typeof whole>;
    };
    const first = onPage(undefined, 2);
    const second = onPage(first, 3);
    expect(second.steps[0]).toBe(first.steps[0]);
    expect(second.steps).not.toBe(first.steps);
  });

  it('sends the whole list again after a reset or when the list got shorter (a run begun again)', () => {
    const tracker = appendTracker(['steps']);
    tracker.tail(whole(5));
    expect(tracker.tail(whole(2))).toEqual({ output: whole(2), appended: { steps: 0 } });
    tracker.reset();
    expect(tracker.tail(whole(3))).toEqual({ output: whole(3), appended: { steps: 0 } });
    // The page replaces what it had when a tail starts at 0.
    expect(withAppended(whole(5), whole(2), { steps: 0 })).toEqual(whole(2));
  });

  it('passes partials through untouched when the hat names no appending list', () => {
    const partial = whole(3);
    expect(appendTracker([]).tail(partial)).toEqual({ output: partial });
    expect(withAppended(whole(1), partial, undefined)).toBe(partial);
    expect(appendTracker(['steps']).tail('text')).toEqual({ output: 'text' });
  });

  it('refuses a tail that does not start where the page’s list ends', () => {
    expect(() => withAppended(whole(2), { steps: [{ id: 5 }] }, { steps: 5 })).toThrow(/starts at 5, but the page has 2/);
  });
});
