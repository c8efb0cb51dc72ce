import { describe, expect, it } from 'vitest';
import { sentenceEncoder } from '@/lib/onnx/fixture/sentence-encoder';
import { MOOD_PREDICTIONS } from './cases';
import { benchCase, moodHead } from './fixture';
import { decodeHeadLink, HEAD_LINK_MAX } from './head-codec';
import { referenceEmbedder } from './reference';
import { predict } from './training/network';

describe('custom-head fixture', () => {
  it('a head trained on the mood diary gives the known labels', () => {
    const head = moodHead();
    const embed = referenceEmbedder(sentenceEncoder);
    for (const known of MOOD_PREDICTIONS) expect(head.labels[predict(head, embed(known.text))], known.text).toBe(known.label);
    expect(head.metrics?.accuracy).toBeGreaterThanOrEqual(0.6);
  });

  it('the bench head fits in a link and decodes to the same head', () => {
    const link = benchCase.params.head as string;
    expect(link.length).toBeLessThan(HEAD_LINK_MAX);
    expect(decodeHeadLink(link).labels).toEqual(['hungry', 'playful', 'sleepy']);
    expect(benchCase.params.head).toBe(link);
  });
});
