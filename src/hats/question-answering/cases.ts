/*
 * The known answers of the tiny extractive reader that fixture.ts builds, for the fixture checks,
 * the adapter tests and e2e/question-answering.spec.ts alike. Data only: no imports, so Playwright
 * can load it.
 */

export const QA_ID = 'hw-test/tiny-distilbert-squad';

export interface QaCase {
  question: string;
  context: string;
  /** The best span taken from the context (question tokens excluded); null: [CLS] wins, no answer. */
  expected: { answer: string | null };
  /** The context alone is longer than the 64-token window: the answer is only seen in a later window (stride). */
  needsWindows?: boolean;
  /** A token of the question itself scores as high as the answer: only masking the question out gets the span right. */
  questionTokenMatches?: boolean;
}

export const QA_CONTEXT = 'the cat sleeps on the mat . the dog runs in the park .';

/**
 * 67 context tokens: twelve place-free sentences, then the dog's. With the
 * question that is 77 tokens, so "park" (token 75) is only in a later window.
 * The filler has no place words on purpose: a window that starts mid-sentence
 * ("on the mat .") leaves that place without its animal, and head A [1] then
 * borrows the nearest animal, possibly the question's: a false match.
 */
export const QA_LONG_CONTEXT = `${'the cat is hungry . '.repeat(12)}the dog runs in the park .`;

export const DOG = { question: 'where does the dog run ?', context: QA_CONTEXT, expected: { answer: 'park' } } satisfies QaCase;
export const CAT = { question: 'where does the cat sleep ?', context: QA_CONTEXT, expected: { answer: 'mat' } } satisfies QaCase;
/** "park" is in the question too: only masking the question out finds it in the context. */
export const ANSWER_IN_QUESTION = { question: 'is the park where the dog runs ?', context: QA_CONTEXT, expected: { answer: 'park' }, questionTokenMatches: true } satisfies QaCase;
export const NO_ANSWER = { question: 'where does the cat sleep ?', context: 'the cat is hungry .', expected: { answer: null } } satisfies QaCase;
export const LONG_CONTEXT = { question: 'where does the dog run ?', context: QA_LONG_CONTEXT, expected: { answer: 'park' }, needsWindows: true } satisfies QaCase;

export const qaCases: QaCase[] = [
  DOG,
  CAT,
  { question: 'Where does the cat sleep?', context: 'The dog runs in the park. The cat sleeps on the mat.', expected: { answer: 'mat' } },
  ANSWER_IN_QUESTION,
  NO_ANSWER,
  { question: 'where does the cow sleep ?', context: QA_CONTEXT, expected: { answer: null } },
  LONG_CONTEXT,
];
