import { describe, expect, it } from 'vitest';
import { threadCount } from './setup';

describe('threadCount', () => {
  it('asks for one thread where the page is not cross-origin isolated, or there is one core', () => {
    expect(threadCount(8, false)).toBe(1);
    expect(threadCount(1, true)).toBe(1);
  });

  it('gives an isolated two-core machine two threads, and leaves a core to the page beyond that, up to four', () => {
    expect([2, 3, 4, 5, 8, 16].map((cores) => threadCount(cores, true))).toEqual([2, 2, 3, 4, 4, 4]);
  });
});
