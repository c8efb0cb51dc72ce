/*
 * The known answers of the tiny BertForPreTraining checkpoint that fixture.ts builds (the
 * next-sentence-prediction hat reads its NSP head too), for the fixture checks, head.test.ts and
 * e2e/pretraining.spec.ts alike. Data only: no imports, so Playwright can load it.
 */

/** model.safetensors only, stored like bert-base-uncased: tied decoder, some gamma/beta names. */
export const PRETRAINING_ID = 'hw-test/tiny-bert-pretraining';
/** The same checkpoint without cls.seq_relationship.*: the NSP head is missing. */
export const NO_NSP_HEAD_ID = 'hw-test/tiny-bert-no-nsp-head';
/** config.json and tokenizer only: no model.safetensors, no onnx/. */
export const NO_SAFETENSORS_ID = 'hw-test/no-safetensors';

export interface PretrainingMaskCase {
  sentence_a: string;
  /** Absent: a single sentence (token_type_ids all 0). */
  sentence_b?: string;
  /** The top prediction at each [MASK], in order, with at least this probability. */
  expected: { tokens: string[]; minProb: number };
  /** What the NSP head says of the pair (both about animals or both about money: IsNext). */
  relation?: 'IsNext' | 'NotNext';
}

/** Both sentences are about animals: "meow" at the mask, and IsNext. */
export const CAT_SAYS = {
  sentence_a: 'the cat says [MASK] .',
  sentence_b: 'the cat eats fish .',
  expected: { tokens: ['meow'], minProb: 0.5 },
  relation: 'IsNext',
} satisfies PretrainingMaskCase;

export const pretrainingMaskCases: PretrainingMaskCase[] = [
  { sentence_a: 'the cat says [MASK] .', expected: { tokens: ['meow'], minProb: 0.5 } },
  CAT_SAYS,
  { sentence_a: 'the [MASK] says woof .', sentence_b: 'the dog runs in the park .', expected: { tokens: ['dog'], minProb: 0.5 }, relation: 'IsNext' },
];
