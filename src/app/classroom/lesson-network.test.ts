import { describe, expect, it } from 'vitest';
import { hats } from '@/hats/registry';
import { MB } from '@/lib/format';
import { lessonTotal, stepNeeds } from './lesson-network';

const HUB = 'https://huggingface.co';

describe('a lesson and the network', () => {
  it('gives each step its listed download, counts a model shared by two steps once, and a demo step as built in', () => {
    const needs = stepNeeds(
      [
        { link: 'v=1&hat=next-sentence-prediction', note: '' },
        { link: 'v=1&hat=pretraining', note: '' },
        { link: 'v=1&hat=sequence-classification&dtype=fp32', note: '' },
        { link: 'v=1&hat=masked-lm&model=someone/unlisted', note: '' },
        { link: 'v=1&hat=masked-lm&host=demo', note: '' },
        { link: 'v=1&hat=sombrero', note: '' },
      ],
      hats,
      HUB,
    );
    expect(needs.map((n) => n.bytes)).toEqual([438 * MB, 440 * MB, 268 * MB, undefined, 0, undefined]);
    expect(needs[4]).toMatchObject({ builtIn: true, spec: { model: 'hw-test/tiny-bert-mlm' } });
    expect(needs[4]!.spec!.host).toMatch(/\/demo-models$/);
    expect(needs[5]!.spec).toBeUndefined();
    // NSP and pretraining read the same checkpoint: one download (the first step's figure).
    expect(lessonTotal(needs)).toEqual({ bytes: 438 * MB + 268 * MB, unknown: 1 });
  });
});
