import { sentenceEncoder } from '../../lib/onnx/fixture/sentence-encoder';
import type { BenchCase } from '../../lib/onnx/fixture/fixture-spec';
import { ENCODER_ID } from './cases';
import { encodeHeadLink } from './head-codec';
import { SAMPLE_SETS } from './samples';
import { referenceEmbedder } from './reference';
import { Trainer } from './training/train';
import { DEFAULT_SETTINGS, type Head } from './types';

/*
 * No model of its own: the head sits on the shared tiny sentence encoder (hw-test/tiny-minilm), whose
 * verbs of rest (sleeps, sat, …) and motion (runs, flies, …) share directions, so Miya's sleepy and
 * playful diary entries land apart and a head trained on them answers known texts by construction.
 * The bench opens a share link carrying a head trained here, deterministically (seeded, float64
 * reference encoder), on the mood sample set.
 */

let trained: Head | undefined;

/** A linear head trained on the mood sample set with the fixture encoder; the same numbers every time. */
export function moodHead(): Head {
  if (trained) return trained;
  const set = SAMPLE_SETS.find((s) => s.task === 'classification');
  if (!set) throw new Error('the mood sample set is missing');
  const embed = referenceEmbedder(sentenceEncoder);
  const labels = [...new Set(set.examples.map((e) => e.label))].sort();
  const data = {
    inputs: set.examples.map((e) => embed(e.text)),
    targets: set.examples.map((e) => labels.indexOf(e.label)),
    labels,
    texts: set.examples.map((e) => e.text),
  };
  const encoder = { model: ENCODER_ID, pooling: 'mean' as const, normalize: true, hiddenSize: sentenceEncoder.config.hiddenSize };
  const trainer = new Trainer(data, { ...DEFAULT_SETTINGS, epochs: 200 }, encoder);
  while (!trainer.done) trainer.trainEpoch();
  trained = trainer.head();
  return trained;
}

export const benchCase: BenchCase = {
  model: ENCODER_ID,
  get params() {
    return { head: encodeHeadLink(moodHead()) };
  },
  field: 'Text for the head',
  inputs: (i) => `${['the cat sleeps', 'the dog runs', 'my cat eats fish'][i % 3]} ${'again '.repeat(1 + (i % 3))}${i}`,
};
