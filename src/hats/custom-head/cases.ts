/*
 * Known answers of a head trained on the fixture encoder, for fixture.test.ts and
 * e2e/custom-head.spec.ts alike. Data only: no imports, so Playwright can load it.
 */

/** hw-test/tiny-minilm, the sentence encoder the base-model hat's fixture.ts builds: 32 numbers per sentence. */
export const ENCODER_ID = 'hw-test/tiny-minilm';
export const ENCODER_HIDDEN_SIZE = 32;

/** After training on Miya's mood diary, these texts get these labels (verbs of rest and motion share directions in the fixture). */
export const MOOD_PREDICTIONS = [
  { text: 'the cat sleeps on the mat', label: 'sleepy' },
  { text: 'the dog runs in the park', label: 'playful' },
] as const;
