/*
 * Known answers for e2e/custom-head.spec.ts as plain data (Playwright cannot load fixture.ts, which
 * imports the ONNX graph builder). fixture.test.ts checks them against the fixture encoder, so the two
 * cannot drift apart.
 */

/** hw-test/tiny-minilm, the base-model hat's embedding fixture: 32 numbers per sentence. */
export const E2E_ENCODER = 'hw-test/tiny-minilm';
export const E2E_HIDDEN_SIZE = 32;

/** After training on Miya's mood diary, these texts get these labels (verbs of rest and motion share directions in the fixture). */
export const E2E_PREDICTIONS = [
  { text: 'the cat sleeps on the mat', label: 'sleepy' },
  { text: 'the dog runs in the park', label: 'playful' },
] as const;
