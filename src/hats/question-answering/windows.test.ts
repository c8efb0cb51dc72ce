import { describe, expect, it } from 'vitest';
import { buildWindow, pairTemplate, planWindows, specialCount } from './windows';

describe('pairTemplate', () => {
  it('reads BERT’s [CLS] a [SEP] b [SEP] with segment ids', () => {
    const t = pairTemplate({ ids: [2, 10, 3, 11, 3], types: [0, 0, 0, 1, 1] }, [10], [11]);
    expect(t).toMatchObject({ prefix: [2], middle: [3], suffix: [3], typeA: 0, typeB: 1, suffixTypes: [1] });
    expect(specialCount(t)).toBe(3);
  });

  it('reads RoBERTa’s <s> a </s></s> b </s> without segment ids', () => {
    const t = pairTemplate({ ids: [0, 10, 2, 2, 11, 2] }, [10], [11]);
    expect(t).toMatchObject({ prefix: [0], middle: [2, 2], suffix: [2], typeA: 0, typeB: 0 });
    expect(specialCount(t)).toBe(4);
  });

  it('refuses a tokenizer that does not keep the pair as two runs', () => {
    expect(() => pairTemplate({ ids: [2, 10, 3] }, [10], [11])).toThrow(/two runs/);
  });
});

describe('planWindows', () => {
  it('keeps a short context in one window', () => {
    expect(planWindows(10, 55, 27)).toEqual([{ start: 0, end: 10 }]);
  });

  it('slides with the stride as overlap and covers every token', () => {
    const w = planWindows(100, 55, 27);
    expect(w).toEqual([
      { start: 0, end: 55 },
      { start: 28, end: 83 },
      { start: 56, end: 100 },
    ]);
    for (let i = 1; i < w.length; i++) expect(w[i - 1]!.end - w[i]!.start).toBe(27);
  });

  it('never stalls when the stride is as large as the window', () => {
    expect(planWindows(5, 2, 9)).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 3 },
      { start: 2, end: 4 },
      { start: 3, end: 5 },
    ]);
    expect(() => planWindows(5, 0, 0)).toThrow();
  });
});

describe('buildWindow', () => {
  it('packs question and context slice into the template and says where each starts', () => {
    const t = pairTemplate({ ids: [2, 10, 3, 11, 3], types: [0, 0, 0, 1, 1] }, [10], [11]);
    const w = buildWindow(t, [20, 21], [30, 31, 32]);
    expect(w.ids).toEqual([2, 20, 21, 3, 30, 31, 32, 3]);
    expect(w.types).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(w).toMatchObject({ questionOffset: 1, contextOffset: 4, nullIndex: 0 });
  });
});
