/*
 * The fixture's known cases as plain data for e2e/multiple-choice.spec.ts: Playwright cannot load
 * fixture.ts (it imports the ONNX graph builder and protobufjs). e2e-cases.test.ts checks that they
 * are fixture.ts's own cases, so the two cannot drift apart.
 */
export const E2E_MC_MODEL = 'hw-test/tiny-bert-swag';

/** The choice that feeds the hungry cat wins with p > 0.8. */
export const E2E_MC_WIN = {
  context: 'the cat is hungry .',
  choices: ['it eats fish .', 'it flies to the moon .', 'it reads a book .'],
  winner: 0,
  minProb: 0.8,
};

/** No need in the context: every choice ties. */
export const E2E_MC_TIE = { context: 'the cat is happy .', choices: ['it eats fish .', 'it flies to the moon .', 'it reads a book .'] };
