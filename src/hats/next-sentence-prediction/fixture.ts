import type { BenchCase, FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { NSP_ID } from './cases';

/*
 * This hat runs hw-test/tiny-bert-pretraining's NSP head (bert + pooler +
 * cls.seq_relationship). The checkpoint and its error-path twins are built by
 * the pretraining hat's fixture.ts: one checkpoint, two heads.
 */

/** Empty: the model is built by the pretraining hat's fixture.ts. */
export const fixtures: FixtureModelSpec[] = [];

export const benchCase: BenchCase = {
  model: NSP_ID,
  params: { sentence_a: 'the cat is hungry .', sentence_b: 'the cat eats fish .' },
  field: 'Sentence B',
  inputs: (i) => `the ${['cat eats fish', 'stock market fell'][i % 2]} today .${' the'.repeat(i % 4)} ${i}`,
};
