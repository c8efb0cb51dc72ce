/*
 * The known answers of the tiny sentence encoder that fixture.ts builds (the custom-head hat wears
 * its heads on it too), for the fixture checks and e2e/base-model.spec.ts alike. Data only: no
 * imports, so Playwright can load it.
 */

export const EMBED_ID = 'hw-test/tiny-minilm';

export interface SimilarityCase {
  anchor: string;
  /** cos(mean(anchor), mean(closer)) exceeds cos(mean(anchor), mean(further)) by at least `margin`. */
  closer: string;
  further: string;
  margin: number;
}

/** Mean pooling over every token the attention mask keeps ([CLS] and [SEP] included), as the feature-extraction pipeline does. */
export const similarityCases: SimilarityCase[] = [
  { anchor: 'the cat sleeps', closer: 'a cat sleeps', further: 'the car is red', margin: 0.2 },
  { anchor: 'the dog runs', closer: 'a cat runs', further: 'the car is red', margin: 0.2 },
];
