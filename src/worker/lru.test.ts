import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

describe('Lru', () => {
  it('is bounded by count and by bytes, oldest out first, never the one just put in', () => {
    const lru = new Lru<string>(3, 100);
    expect(lru.set('a', 'A', 40)).toEqual([]);
    expect(lru.set('b', 'B', 40)).toEqual([]);
    lru.get('a'); // a is now the newest
    expect(lru.set('c', 'C', 40)).toEqual(['B']);
    expect(lru.set('big', 'BIG', 500)).toEqual(['A', 'C']);
    expect(lru.keys()).toEqual(['big']);
  });

  it('makes room for a load before it starts', () => {
    const lru = new Lru<string>(5, 100);
    lru.set('a', 'A', 30);
    lru.set('b', 'B', 30);
    expect(lru.makeRoom(40)).toEqual([]);
    expect(lru.makeRoom(60)).toEqual(['A']);
    expect(lru.bytes()).toBe(30);
  });
});
