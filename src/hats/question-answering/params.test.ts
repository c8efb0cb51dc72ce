import { describe, expect, it } from 'vitest';
import { qaCodec } from './params';

describe('qaCodec', () => {
  it('round-trips question and context through a share link, writing only what changed', () => {
    const params = { question: 'Where does the dog run?', context: qaCodec.defaults.context };
    const query = new URLSearchParams(qaCodec.serialize(params));
    expect([...query.keys()]).toEqual(['question']);
    expect(qaCodec.parse(query)).toEqual({ params, notices: [] });
  });

  it('keeps an empty question from a link (the page then says what is missing)', () => {
    const { params } = qaCodec.parse(new URLSearchParams('question=&context=x'));
    expect(params).toEqual({ question: '', context: 'x' });
  });
});
