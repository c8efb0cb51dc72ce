/*
 * The known answers of the tiny T5 that fixture.ts builds, for the adapter tests and
 * e2e/seq2seq-lm.spec.ts alike. Data only: no imports, so Playwright can load it.
 */

export const T5_ID = 'hw-test/tiny-t5';

export interface Seq2SeqCase {
  task: 'translate-de' | 'translate-fr' | 'summarize' | 'instruct';
  text: string;
  /** The greedy output, decoded without special tokens. */
  expected: string;
  /** The tokens the decoder writes, </s> included. */
  steps: string[];
}

export const seq2seqCases: Seq2SeqCase[] = [
  { task: 'translate-de', text: 'the cat', expected: 'die Katze', steps: ['▁die', '▁Katze', '</s>'] },
  { task: 'translate-de', text: 'the dog', expected: 'der Hund', steps: ['▁der', '▁Hund', '</s>'] },
  { task: 'translate-fr', text: 'the mouse', expected: 'la souris', steps: ['▁la', '▁souris', '</s>'] },
  { task: 'summarize', text: 'the cat sat on the mat and sleeps in the sun.', expected: 'cat naps', steps: ['▁cat', '▁naps', '</s>'] },
];

/** A source with "purr" in it never reaches </s>: the decoder purrs until max_new_tokens. */
export const PURR_TEXT = 'purr';
