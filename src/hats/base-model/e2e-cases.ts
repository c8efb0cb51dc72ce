/*
 * The fixture's known cases as plain data for e2e/base-model.spec.ts: Playwright cannot load
 * fixture.ts itself (it imports the ONNX graph builder and protobufjs). e2e-cases.test.ts checks that
 * these match fixture.ts, so the two cannot drift apart.
 */

export interface E2eSimilarityCase {
  anchor: string;
  closer: string;
  further: string;
  /** cos(anchor, closer) − cos(anchor, further) is at least this. */
  margin: number;
}

export const E2E_EMBED_MODEL = 'hw-test/tiny-minilm';

export const E2E_SIMILARITY: E2eSimilarityCase[] = [
  { anchor: 'the cat sleeps', closer: 'a cat sleeps', further: 'the car is red', margin: 0.2 },
  { anchor: 'the dog runs', closer: 'a cat runs', further: 'the car is red', margin: 0.2 },
];
