import { describe, expect, it } from 'vitest';
import { intParam, readNumber } from './params';

const q = (s: string) => new URLSearchParams(s);

describe('numbers in links are read strictly', () => {
  it('takes digits with an optional sign, and a decimal point where fractions make sense', () => {
    expect(readNumber(q('k=12'), 'k', true)).toEqual({ kind: 'number', value: 12 });
    expect(readNumber(q('k=%2B3'), 'k', true)).toEqual({ kind: 'number', value: 3 });
    expect(readNumber(q('k=0.75'), 'k', false)).toEqual({ kind: 'number', value: 0.75 });
    expect(readNumber(q('k=.5'), 'k', false)).toEqual({ kind: 'number', value: 0.5 });
  });

  it('refuses what Number() would quietly take: hex, blanks, exponents, fractions for whole numbers', () => {
    for (const raw of ['0x10', '%205%20', '1e3', '1.5', 'Infinity', '1_000', '٣']) {
      expect(readNumber(q(`k=${raw}`), 'k', true).kind, raw).toBe('invalid');
    }
    expect(readNumber(q('k=1e-1'), 'k', false).kind).toBe('invalid');
    expect(readNumber(q('k=99999999999999999999'), 'k', true).kind).toBe('invalid');
  });

  it('reads an empty value as absent, with a notice, and -0 as 0', () => {
    expect(readNumber(q('seed='), 'seed', true)).toEqual({ kind: 'empty', notice: 'The link\'s “seed” is empty; the default is used.' });
    expect(readNumber(q('k=-0'), 'k', true)).toEqual({ kind: 'number', value: 0 });
    expect(Object.is((readNumber(q('k=-0'), 'k', true) as { value: number }).value, 0)).toBe(true);
    expect(readNumber(q(''), 'k', true)).toEqual({ kind: 'absent' });
  });

  it('intParam falls back with a notice for each refusal', () => {
    expect(intParam(q('top_k=0x10'), 'top_k', 5, 1, 20)).toEqual({ value: 5, notice: 'The link\'s “top_k” (0x10) must be a whole number from 1 to 20; using 5.' });
    expect(intParam(q('top_k=-0'), 'top_k', 5, 1, 20).notice).toMatch(/\(0\) must be a whole number from 1 to 20/);
    expect(intParam(q('top_k='), 'top_k', 5, 1, 20)).toEqual({ value: 5, notice: 'The link\'s “top_k” is empty; the default is used.' });
    expect(intParam(q('top_k=7'), 'top_k', 5, 1, 20)).toEqual({ value: 7 });
  });
});
