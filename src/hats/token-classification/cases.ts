/*
 * The known answers of the tiny NER tagger that fixture.ts builds (hw-test/tiny-bert-ner), for the
 * fixture checks, the unit tests and e2e/token-classification.spec.ts alike. Data only: no imports,
 * so Playwright can load it.
 */

export const NER_ID = 'hw-test/tiny-bert-ner';
/** dslim/bert-base-NER's id order, as the fixture's config.json has it (not alphabetical). */
export const NER_LABELS = ['O', 'B-MISC', 'I-MISC', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;

export interface NerCase {
  text: string;
  /** Every word piece (special tokens excluded) with its top label, in order. */
  tokens: { token: string; label: (typeof NER_LABELS)[number] }[];
  /** Entities after merging pieces (aggregation "simple"): words and their group. */
  entities: { word: string; group: 'PER' | 'LOC' | 'ORG' }[];
  /** Every token's top label has at least this probability (O tokens sit near 0.9, names near 0.94). */
  minScore: number;
}

const o = (token: string) => ({ token, label: 'O' as const });

export const MIYA: NerCase = {
  text: 'Miya lives in Paris',
  tokens: [{ token: 'miya', label: 'B-PER' }, o('lives'), o('in'), { token: 'paris', label: 'B-LOC' }],
  entities: [{ word: 'miya', group: 'PER' }, { word: 'paris', group: 'LOC' }],
  minScore: 0.85,
};

/** A name in two word pieces: ann ##abel. */
export const ANNABEL: NerCase = {
  text: 'annabel lives in london',
  tokens: [{ token: 'ann', label: 'B-PER' }, { token: '##abel', label: 'I-PER' }, o('lives'), o('in'), { token: 'london', label: 'B-LOC' }],
  entities: [{ word: 'annabel', group: 'PER' }, { word: 'london', group: 'LOC' }],
  minScore: 0.85,
};

export const HUGGING_FACE: NerCase = {
  text: 'miya works at hugging face',
  tokens: [{ token: 'miya', label: 'B-PER' }, o('works'), o('at'), { token: 'hugging', label: 'B-ORG' }, { token: 'face', label: 'I-ORG' }],
  entities: [{ word: 'miya', group: 'PER' }, { word: 'hugging face', group: 'ORG' }],
  minScore: 0.85,
};

/** Context decides: "face" after no name is not part of one. */
export const FACE: NerCase = { text: 'i like your face', tokens: [o('i'), o('like'), o('your'), o('face')], entities: [], minScore: 0.85 };

export const nerCases: NerCase[] = [MIYA, ANNABEL, HUGGING_FACE, FACE];
