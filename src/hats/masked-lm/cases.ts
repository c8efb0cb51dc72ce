/*
 * The known answers of the tiny masked-LM model that fixture.ts builds, for the fixture checks and
 * the e2e specs alike. Data only: no imports, so Playwright can load it.
 */

/** Animals and their sounds predict each other (cat ↔ meow, dog ↔ woof, cow ↔ moo). */
export const MLM_ID = 'hw-test/tiny-bert-mlm';

export interface FillMaskCase {
  /** Contains exactly one [MASK]. */
  text: string;
  /** The top prediction (token_str), with at least this probability. */
  expected: { token: string; minScore: number };
}

export const fillMaskCases: FillMaskCase[] = [
  { text: 'The cat says [MASK].', expected: { token: 'meow', minScore: 0.5 } },
  { text: 'The dog says [MASK].', expected: { token: 'woof', minScore: 0.5 } },
  { text: 'The cow says [MASK].', expected: { token: 'moo', minScore: 0.5 } },
  { text: 'The [MASK] says meow.', expected: { token: 'cat', minScore: 0.5 } },
  { text: 'The [MASK] says woof.', expected: { token: 'dog', minScore: 0.5 } },
  { text: 'The [MASK] says moo.', expected: { token: 'cow', minScore: 0.5 } },
  { text: 'The cat sat on the [MASK] and purred.', expected: { token: 'meow', minScore: 0.5 } },
];
