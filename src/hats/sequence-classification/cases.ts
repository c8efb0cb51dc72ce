/*
 * The known answers of the tiny classifiers that fixture.ts builds, for the fixture checks and the
 * e2e specs alike. Data only: no imports, so Playwright can load it.
 */

/** POSITIVE / NEGATIVE by keyword (DistilBERT, no segment ids). */
export const SST2_ID = 'hw-test/tiny-distilbert-sst2';
/** Entailment / neutral / contradiction of a sentence pair (BERT, segment ids). */
export const NLI_ID = 'hw-test/tiny-bert-nli';
/** The SST-2 model's config and tokenizer without onnx/: the "no ONNX weights" path. */
export const NO_ONNX_ID = 'hw-test/no-onnx';

/** id order is deliberately not alphabetical: code must go through id2label. */
export const NLI_LABELS = ['entailment', 'neutral', 'contradiction'] as const;

export interface ClassificationCase {
  text: string;
  /** Sentence B (URL param text_pair); absent for single texts. */
  text_pair?: string;
  /** The top label, with at least this probability. */
  expected: { label: string; minScore: number };
  /** The text is longer than model_max_length (64) tokens and gets truncated. */
  truncated?: boolean;
}

/** The top label must be `label` with probability above 0.9. */
const likely = (label: string) => ({ label, minScore: 0.9 });

/** Words from the vocabulary, 65 of them: past the 64-token limit on their own. */
export const LONG_FILLER = Array(5).fill('the cat sleeps on the mat and the dog runs in the park .').join(' ');

export const sst2Cases: ClassificationCase[] = [
  { text: 'This movie is great!', expected: likely('POSITIVE') },
  { text: 'I love this film.', expected: likely('POSITIVE') },
  { text: 'What a wonderful day.', expected: likely('POSITIVE') },
  { text: 'The Café was AMAZING', expected: likely('POSITIVE') },
  { text: 'This movie was awful.', expected: likely('NEGATIVE') },
  { text: 'I hate this film.', expected: likely('NEGATIVE') },
  { text: 'The ending was terrible!', expected: likely('NEGATIVE') },
  { text: 'bad', expected: likely('NEGATIVE') },
  { text: `This film is great. ${LONG_FILLER}`, expected: likely('POSITIVE'), truncated: true },
];

/** Texts the SST-2 fixture cannot decide: both labels score 0.5 (± rounding). */
export const sst2UndecidedCases: { text: string; truncated?: boolean }[] = [
  { text: 'The cat sleeps on the mat.' },
  // The keyword sits past token 64 and is cut off before the model sees it.
  { text: `${LONG_FILLER} But the ending was awful.`, truncated: true },
];

export const nliCases: ClassificationCase[] = [
  { text: 'The cat sleeps on the mat.', text_pair: 'The cat does not sleep.', expected: likely('contradiction') },
  { text: 'The dog runs in the park.', text_pair: 'The dog never runs.', expected: likely('contradiction') },
  { text: 'The cat sleeps on the mat.', text_pair: 'A cat sleeps.', expected: likely('entailment') },
  // Negation in sentence A only: not a contradiction (token_type_ids at work).
  { text: 'The dog is not happy.', text_pair: 'The dog is sad.', expected: likely('entailment') },
  { text: 'The cat does not sleep.', expected: likely('neutral') },
  { text: 'The cat sleeps.', expected: likely('neutral') },
];
