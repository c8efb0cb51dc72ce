// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { softmax } from '@/lib/maths';
import { expectGraphMatchesReference, testConfig } from '@/lib/onnx/testing';
import { checkpointSource, loadCheckpoint } from '@/worker/sdk';
import { depsWith, loadContext, pairBatch, fixtureHub } from '@/worker/sdk/testing';
import { NO_NSP_HEAD_ID, NSP_ID, nspCases } from './cases';
import { nspHead } from './head';

/*
 * The head's graph against its reference maths, then the pretraining fixture checkpoint through the
 * loader as the page reads it: IsNext is index 0, as in BERT, in float32 and q8.
 */

describe('the next-sentence head', () => {
  it('the graph matches the reference pass, fp32 and q8', async () => {
    await expectGraphMatchesReference('bert', nspHead);
  });

  it('is BERT-only: DistilBERT has no pooler to read', () => {
    expect(() => nspHead.shapes(testConfig('distilbert'))).toThrow(/pooler/);
  });
});

const fx = fixtureHub();
beforeEach(() => fx.hub.resetLog());

describe.each(['fp32', 'q8'] as const)('the fixture checkpoint in %s', (dtype) => {
  it('IsNext is index 0, as in BERT', async () => {
    const cm = await loadCheckpoint(loadContext(fx.hub.url, NSP_ID, dtype).ctx, nspHead, depsWith(fx.runtime));
    const { logits } = await cm.run(pairBatch(cm, nspCases.map((c) => [c.sentence_a, c.sentence_b])));
    expect(logits.dims).toEqual([nspCases.length, 2]);
    nspCases.forEach((c, i) => {
      const [isNext, notNext] = softmax(logits.data.subarray(i * 2, i * 2 + 2));
      expect(c.expected.label === 'IsNext' ? isNext : notNext, `${c.sentence_a} / ${c.sentence_b}`).toBeGreaterThan(c.expected.minProb);
    });
    await cm.dispose();
  });
});

it('a checkpoint without the NSP head: the missing tensor is named, and only the header was read', async () => {
  const source = checkpointSource(nspHead, depsWith(fx.runtime));
  await expect(source.availableDtypes({ model: NO_NSP_HEAD_ID, host: fx.hub.url })).rejects.toThrow(
    `“${NO_NSP_HEAD_ID}” has no tensor cls.seq_relationship.weight (and 1 more: cls.seq_relationship.bias) in its model.safetensors`,
  );
  expect(fx.hub.log().filter((e) => e.url.includes('safetensors')).map((e) => e.range)).toEqual(['bytes=0-7', expect.stringMatching(/^bytes=8-/)]);
});
