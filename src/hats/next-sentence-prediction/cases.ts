/*
 * The known answers of the next-sentence head of the tiny pretraining checkpoint, for head.test.ts
 * and e2e/next-sentence-prediction.spec.ts alike. The pretraining hat's fixture.ts builds these
 * models (one checkpoint, two hats, as with bert-base-uncased). Data only: no imports, so
 * Playwright can load it.
 */

/** BertForPreTraining: pooler and cls.seq_relationship, read by topic (animals, money). */
export const NSP_ID = 'hw-test/tiny-bert-pretraining';
/** The same checkpoint without cls.seq_relationship.*: the NSP head is missing. */
export const NO_NSP_HEAD_ID = 'hw-test/tiny-bert-no-nsp-head';
/** config.json and tokenizer only: no model.safetensors. */
export const NO_SAFETENSORS_ID = 'hw-test/no-safetensors';

export interface NspCase {
  sentence_a: string;
  sentence_b: string;
  /** Softmax of seq_relationship logits (index 0 = IsNext): the winner and its minimum probability. */
  expected: { label: 'IsNext' | 'NotNext'; minProb: number };
}

/** Same topic: IsNext. */
export const SAME_TOPIC = { sentence_a: 'the cat is hungry .', sentence_b: 'the cat eats fish .', expected: { label: 'IsNext', minProb: 0.8 } } satisfies NspCase;
/** Animals, then money: NotNext. */
export const OTHER_TOPIC = { sentence_a: 'the cat is hungry .', sentence_b: 'the stock market fell today .', expected: { label: 'NotNext', minProb: 0.8 } } satisfies NspCase;

export const nspCases: NspCase[] = [
  SAME_TOPIC,
  OTHER_TOPIC,
  { sentence_a: 'The stock market fell today.', sentence_b: 'The price fell again.', expected: { label: 'IsNext', minProb: 0.8 } },
];
