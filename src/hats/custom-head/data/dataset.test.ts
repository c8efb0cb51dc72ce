import { describe, expect, it } from 'vitest';
import { analyse, parseTarget } from './dataset';

const ex = (rows: [string, string][]) => rows.map(([text, label]) => ({ text, label }));

describe('analyse', () => {
  it('counts examples per label and warns about thin labels', () => {
    const r = analyse(ex([['a', 'x'], ['b', 'x'], ['c', 'x'], ['d', 'x'], ['e', 'x'], ['f', 'y'], ['g', 'y'], ['h', 'z']]), 'classification');
    expect(r.counts).toEqual([
      { label: 'x', count: 5 },
      { label: 'y', count: 2 },
      { label: 'z', count: 1 },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.warnings.join(' ')).toMatch(/“z” has only one example/);
    expect(r.warnings.join(' ')).toMatch(/“y” has fewer than 5 examples/);
  });

  it('refuses empty and one-label sets', () => {
    expect(analyse([], 'classification').problems[0]).toMatch(/no examples yet/);
    expect(analyse(ex([['a', 'x'], ['b', 'x']]), 'classification').problems[0]).toMatch(/needs at least two/);
  });

  it('counts duplicates once and flags contradictions', () => {
    const r = analyse(ex([['a', 'x'], ['a', 'x'], ['a', 'y'], ['b', 'y']]), 'classification');
    expect(r.usable).toHaveLength(3);
    expect(r.warnings.join(' ')).toMatch(/1 duplicate row is counted once/);
    expect(r.warnings.join(' ')).toMatch(/labelled two ways \(e\.g\. “a”: x and y\)/);
  });

  it('leaves out non-numeric regression targets by row number', () => {
    const r = analyse(ex([['a', '1'], ['b', 'two'], ['c', '3.5'], ['d', '-2'], ['e', '4 rubs']]), 'regression');
    expect(r.usable.map((e) => e.label)).toEqual(['1', '3.5', '-2']);
    expect(r.warnings.join(' ')).toMatch(/rows 2, 5 are not a number/);
    expect(r.range).toEqual({ min: -2, max: 3.5 });
    expect(analyse(ex([['a', '2'], ['b', '2'], ['c', '2']]), 'regression').problems[0]).toMatch(/Every target is 2/);
  });

  it('reads numbers the way people write them', () => {
    expect(['3', '-2.5', '1e3', '.5', ' 7 '].map(parseTarget)).toEqual([3, -2.5, 1000, 0.5, 7]);
    expect(['', 'three', '3 rubs', 'NaN', 'Infinity', '1e999'].map(parseTarget)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
