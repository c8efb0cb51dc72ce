/*
 * The fixture's known cases as plain data for e2e/next-sentence-prediction.spec.ts: Playwright cannot
 * load fixture.ts (it imports the ONNX graph builder and protobufjs). e2e-cases.test.ts checks that
 * they are fixture.ts's own cases, so the two cannot drift apart.
 */
export const E2E_NSP = {
  model: 'hw-test/tiny-bert-pretraining',
  noNspHead: 'hw-test/tiny-bert-no-nsp-head',
  noSafetensors: 'hw-test/no-safetensors',
  sentence_a: 'the cat is hungry .',
  /** Same topic: IsNext with p > 0.8. */
  isNext: 'the cat eats fish .',
  /** Animals, then money: NotNext with p > 0.8. */
  notNext: 'the stock market fell today .',
  minProb: 0.8,
};
