import { describe, expect, it } from 'vitest';
import { tokenClsCodec } from './params';

describe('tokenClsCodec', () => {
  it('round-trips text and aggregation, writing only what differs from the defaults', () => {
    const params = { text: 'miya lives in paris', aggregation: 'none' as const };
    const query = new URLSearchParams(tokenClsCodec.serialize(params));
    expect(tokenClsCodec.parse(query)).toEqual({ params, notices: [] });
    expect(tokenClsCodec.serialize(tokenClsCodec.defaults)).toEqual([]);
  });

  it('falls back to the default strategy with a notice for an unknown one', () => {
    const { params, notices } = tokenClsCodec.parse(new URLSearchParams('aggregation=longest'));
    expect(params.aggregation).toBe(tokenClsCodec.defaults.aggregation);
    expect(notices[0]).toContain('none, simple, first, average, max');
    expect(tokenClsCodec.parse(new URLSearchParams('aggregation=MAX')).params.aggregation).toBe('max');
  });
});
