import { describe, expect, it } from 'vitest';
import { E2E_PRETRAINING as E } from './e2e-cases';
import { PRETRAINING_ID, pretrainingMaskCases, TOPICS } from './fixture';

describe('the e2e case', () => {
  it('is a known case of the fixture model', () => {
    expect(E.model).toBe(PRETRAINING_ID);
    expect(pretrainingMaskCases).toContainEqual({
      sentence_a: E.sentence_a,
      sentence_b: E.sentence_b,
      expected: { tokens: [E.word], minProb: expect.any(Number) },
    });
  });

  it('pairs two sentences about animals, which the fixture rule calls IsNext', () => {
    const animal = (s: string) => s.split(' ').some((w) => (TOPICS.animals as readonly string[]).includes(w));
    const money = (s: string) => s.split(' ').some((w) => (TOPICS.money as readonly string[]).includes(w));
    expect(E.relation).toBe('IsNext');
    for (const s of [E.sentence_a, E.sentence_b]) expect(animal(s) && !money(s)).toBe(true);
  });
});
