import { describe, expect, it } from 'vitest';
import { defineSeam, type ParamsCodec } from './hat-seam';

interface P {
  text: string;
  top_k: number;
  labels: string[];
  patches: number[] | null;
}

const codec: ParamsCodec<P> = {
  defaults: { text: 'a', top_k: 5, labels: [], patches: null },
  parse: () => ({ params: codec.defaults, notices: [] }),
  serialize: () => [],
};

describe('a hat seam', () => {
  const seam = defineSeam<P, string>(codec);

  it('lets through params shaped like the codec’s defaults, extra keys and nulls included', () => {
    const params = { text: 'b', top_k: 1, labels: ['x'], patches: [3], own: { side: 2 } };
    expect(seam.params(params)).toBe(params);
    expect(seam.params({ text: 'b', top_k: 1, labels: [], patches: null })).toMatchObject({ patches: null });
  });

  it('refuses params meant for another hat, naming the key', () => {
    expect(() => seam.params({ question: 'q' })).toThrow('The hat\'s param “text” is undefined, not string.');
    expect(() => seam.params({ text: 'b', top_k: '5', labels: [] })).toThrow(/“top_k” is string, not number/);
    expect(() => seam.params({ text: 'b', top_k: 5, labels: 'x' })).toThrow(/“labels” is string, not array/);
    expect(() => seam.params(null)).toThrow(/null, not an object/);
  });

  it('has a call check only when the hat takes calls', () => {
    expect(seam.call).toBeUndefined();
    const withCall = defineSeam<P, string, { n: number }, number>(codec, (raw) => {
      if (typeof (raw as { n?: unknown }).n !== 'number') throw new Error('no n');
      return raw as { n: number };
    });
    expect(withCall.call?.({ n: 2 })).toEqual({ n: 2 });
    expect(() => withCall.call?.({})).toThrow('no n');
  });
});
