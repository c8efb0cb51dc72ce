/*
 * The fixture's known cases as plain data for e2e/question-answering.spec.ts: Playwright cannot load
 * fixture.ts itself (it imports the ONNX graph builder and protobufjs). e2e-cases.test.ts checks that
 * every case here is one of fixture.ts's qaCases, so the two cannot drift apart.
 */

export interface E2eQaCase {
  question: string;
  context: string;
  /** The best span, or null for "no answer". */
  answer: string | null;
}

export const E2E_QA_MODEL = 'hw-test/tiny-distilbert-squad';
export const E2E_QA_CONTEXT = 'the cat sleeps on the mat . the dog runs in the park .';

export const E2E_QA = {
  dog: { question: 'where does the dog run ?', context: E2E_QA_CONTEXT, answer: 'park' },
  cat: { question: 'where does the cat sleep ?', context: E2E_QA_CONTEXT, answer: 'mat' },
  answerInQuestion: { question: 'is the park where the dog runs ?', context: E2E_QA_CONTEXT, answer: 'park' },
  noAnswer: { question: 'where does the cat sleep ?', context: 'the cat is hungry .', answer: null },
  longContext: { question: 'where does the dog run ?', context: `${'the cat is hungry . '.repeat(12)}the dog runs in the park .`, answer: 'park' },
} satisfies Record<string, E2eQaCase>;
