import { describe, expect, it } from 'vitest';
import { baseModelCodec } from './params';

describe('baseModelCodec', () => {
  it('round-trips both texts and writes only what differs from the defaults', () => {
    const params = { text: 'the cat sleeps', text_pair: '' };
    const query = new URLSearchParams(baseModelCodec.serialize(params));
    expect([...query.keys()]).toEqual(['text', 'text_pair']);
    expect(baseModelCodec.parse(query)).toEqual({ params, notices: [] });
    expect(baseModelCodec.serialize(baseModelCodec.defaults)).toEqual([]);
  });
});
