/*
 * The known answers of the tiny BertForMultipleChoice checkpoint that fixture.ts builds, for the
 * fixture checks, head.test.ts and e2e/multiple-choice.spec.ts alike. Data only: no imports, so
 * Playwright can load it.
 */

/** model.safetensors only, no ONNX: the hat builds the graph in the page. */
export const SWAG_ID = 'hw-test/tiny-bert-swag';
/** A checkpoint folder with no model.safetensors (the pretraining hat's fixture.ts builds it). */
export const NO_SAFETENSORS_ID = 'hw-test/no-safetensors';

export interface MultipleChoiceCase {
  context: string;
  choices: string[];
  /** Index of the winning choice and its minimum softmax probability; null: all choices tie (±0.01). */
  expected: { index: number; minProb: number } | null;
}

/** The choice that feeds the hungry cat wins. */
export const HUNGRY_CAT = {
  context: 'the cat is hungry .',
  choices: ['it eats fish .', 'it flies to the moon .', 'it reads a book .'],
  expected: { index: 0, minProb: 0.8 },
} satisfies MultipleChoiceCase;

/** No need in the context: nothing to prefer, every choice ties. */
export const HAPPY_CAT = {
  context: 'the cat is happy .',
  choices: ['it eats fish .', 'it flies to the moon .', 'it reads a book .'],
  expected: null,
} satisfies MultipleChoiceCase;

export const multipleChoiceCases: MultipleChoiceCase[] = [
  HUNGRY_CAT,
  {
    context: 'The dog is hungry.',
    choices: ['It reads a book.', 'It sleeps on the mat.', 'It eats food.', 'It runs in the park.'],
    expected: { index: 2, minProb: 0.8 },
  },
  HAPPY_CAT,
];
