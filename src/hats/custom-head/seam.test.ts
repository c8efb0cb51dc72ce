import { describe, expect, it } from 'vitest';
import { seam } from './seam';

describe('custom head seam', () => {
  const call = seam.call!;

  it('routes a training to the trainer and every other call to the Inside panel, with its params checked', () => {
    expect(call({ kind: 'train', examples: [], settings: {} })).toMatchObject({ kind: 'train' });
    expect(call({ kind: 'plan' })).toEqual({ kind: 'plan' });
    expect(call({ kind: 'look', params: { text: 'the cat sleeps', head: '' } })).toEqual({ kind: 'look', params: { text: 'the cat sleeps', head: '' } });
    expect(() => call({ kind: 'look', params: { text: 7, head: '' } })).toThrow(/“text” is number/);
  });

  it('refuses what is neither', () => {
    expect(() => call({ kind: 'guess' })).toThrow(/not an Inside request/);
    expect(() => call('train')).toThrow();
  });
});
