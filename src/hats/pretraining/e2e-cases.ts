/*
 * The fixture's known case as plain data for e2e/pretraining.spec.ts: Playwright cannot load
 * fixture.ts (it imports the ONNX graph builder and protobufjs). e2e-cases.test.ts checks it
 * against fixture.ts, so the two cannot drift apart.
 */
export const E2E_PRETRAINING = {
  model: 'hw-test/tiny-bert-pretraining',
  sentence_a: 'the cat says [MASK] .',
  sentence_b: 'the cat eats fish .',
  /** The top guess at the mask. */
  word: 'meow',
  /** Both sentences are about animals, so the fixture's NSP rule says IsNext. */
  relation: 'IsNext',
};
