import { describe, expect, it } from 'vitest';
import { fitPair, padBatch } from './pair-encoding';

const vocab = ['[PAD]', '[CLS]', '[SEP]', 'a1', 'a2', 'a3', 'a4', 'b1', 'b2'];
const special = new Set([0, 1, 2]);
const pair = { full: [1, 3, 4, 5, 6, 2, 7, 8, 2], a: [3, 4, 5, 6], b: [7, 8] };

describe('fitPair', () => {
  it('keeps a pair that fits as it is, with segment ids 0 then 1', () => {
    const e = fitPair(pair, 64, vocab, special);
    expect(e.ids).toEqual(pair.full);
    expect(e.types).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(e.tokens).toMatchObject({ fullLength: 9, truncated: false, maxLength: 64 });
    expect(e.tokens.rows[0]).toEqual({ token: '[CLS]', id: 1, special: true, typeId: 0, attention: 1 });
  });

  it('trims the longer sentence first and keeps both separators', () => {
    const e = fitPair(pair, 7, vocab, special);
    expect(e.ids).toEqual([1, 3, 4, 2, 7, 8, 2]);
    expect(e.tokens.truncated).toBe(true);
    const tight = fitPair(pair, 5, vocab, special);
    expect(tight.ids).toEqual([1, 3, 2, 7, 2]);
    expect(tight.types).toEqual([0, 0, 0, 1, 1]);
  });

  it('refuses a tokenizer whose pair template is not BERT-like', () => {
    expect(() => fitPair({ full: [0, 3, 2, 2, 7, 2], a: [3], b: [7] }, 64, vocab, special)).toThrow(/\[CLS\] A \[SEP\] B \[SEP\]/);
  });
});

describe('padBatch', () => {
  it('pads to the longest pair and masks the padding out', () => {
    const long = fitPair(pair, 64, vocab, special);
    const short = fitPair({ full: [1, 3, 2, 7, 2], a: [3], b: [7] }, 64, vocab, special);
    const batch = padBatch([short, long], 0);
    expect(batch.input_ids[0]).toEqual([1, 3, 2, 7, 2, 0, 0, 0, 0]);
    expect(batch.attention_mask[0]).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(batch.token_type_ids[0]).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(batch.input_ids[1]).toEqual(long.ids);
  });
});
