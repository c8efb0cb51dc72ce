import { describe, expect, it } from 'vitest';
import { cutToEncoded, encodedLength, fitQuery, MAX_QUERY_BYTES } from './link-budget';

const size = (entries: [string, string][], cut: string[]) => {
  const q = new URLSearchParams(entries);
  if (cut.length) q.append('cut', cut.join(','));
  return `?${q.toString()}`.length;
};

describe('the link budget, in encoded bytes', () => {
  it('counts bytes as URLSearchParams writes them', () => {
    for (const text of ['plain words', 'a+b=c&d', 'naïve café', '猫が座った', '👍🏽 ok', '\n\t~!']) {
      expect(encodedLength(text)).toBe(new URLSearchParams([['k', text]]).toString().length - 2);
    }
  });

  it('cuts on whole characters, never half a surrogate pair', () => {
    expect(cutToEncoded('ab👍cd', 14)).toBe('ab👍');
    expect(cutToEncoded('ab👍cd', 13)).toBe('ab');
    expect(cutToEncoded('猫猫猫', 10)).toBe('猫');
  });

  it('leaves a query that fits alone', () => {
    const params: [string, string][] = [['text', 'short']];
    expect(fitQuery([['v', '1']], params)).toEqual({ entries: [['v', '1'], ['text', 'short']], cut: [] });
  });

  it('keeps 3 000 CJK characters of context under the limit, cutting the longest value and naming it', () => {
    const context = '吾輩は猫である。名前はまだ無い。'.repeat(200).slice(0, 3000);
    const question = '猫の名前は?';
    const fixed: [string, string][] = [['v', '1'], ['hat', 'question-answering']];
    expect(encodedLength(context)).toBeGreaterThan(25_000);
    const { entries, cut } = fitQuery(fixed, [['question', question], ['context', context]]);
    expect(cut).toEqual(['context']);
    expect(size(entries, cut)).toBeLessThanOrEqual(MAX_QUERY_BYTES);
    expect(size(entries, cut)).toBeGreaterThan(MAX_QUERY_BYTES - 10);
    expect(entries.find(([k]) => k === 'question')?.[1]).toBe(question);
    expect(context.startsWith(entries.find(([k]) => k === 'context')![1])).toBe(true);
  });

  it('cuts a second value when the first cannot give enough room', () => {
    const fixed: [string, string][] = [['v', '1']];
    const { entries, cut } = fitQuery(fixed, [['a', 'x'.repeat(300)], ['b', 'y'.repeat(200)]], 150);
    expect(cut).toEqual(['a', 'b']);
    expect(size(entries, cut)).toBeLessThanOrEqual(150);
  });
});
