// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { softmax } from '@/lib/maths';
import { expectGraphMatchesReference, testConfig } from '@/lib/onnx/testing';
import { checkpointSource, loadCheckpoint } from '@/worker/sdk';
import { depsWith, loadContext, pairBatch, fixtureHub } from '@/worker/sdk/testing';
import { NO_NSP_HEAD_ID, PRETRAINING_ID, pretrainingMaskCases } from './cases';
import { pretrainingHead } from './head';

/*
 * The head's graph against its reference maths, then the fixture checkpoint through the loader as
 * the page reads it (legacy gamma/beta names, tied decoder): both heads answer, in float32 and q8.
 */

describe('the pretraining heads', () => {
  it('the graph matches the reference pass, fp32 and q8', async () => {
    await expectGraphMatchesReference('bert', pretrainingHead);
  });

  it('names its outputs as BertForPreTrainingOutput does, and is BERT-only', () => {
    expect(pretrainingHead.outputs(testConfig('bert')).map((o) => o.name)).toEqual(['prediction_logits', 'seq_relationship_logits']);
    expect(() => pretrainingHead.shapes(testConfig('distilbert'))).toThrow(/pooler/);
  });
});

const fx = fixtureHub();

describe.each(['fp32', 'q8'] as const)('the fixture checkpoint in %s', (dtype) => {
  it('the masked-LM head fills the blank through the legacy gamma/beta names, and the NSP head reads the pair', async () => {
    const cm = await loadCheckpoint(loadContext(fx.hub.url, PRETRAINING_ID, dtype).ctx, pretrainingHead, depsWith(fx.runtime));
    expect(cm.provenance.headTensors.map((t) => t.name)).toContain('cls.predictions.transform.LayerNorm.gamma');
    for (const c of pretrainingMaskCases) {
      const feeds = pairBatch(cm, [[c.sentence_a, c.sentence_b]]);
      const out = await cm.run(feeds);
      const [, seq, vocab] = out.prediction_logits.dims as [number, number, number];
      expect(out.seq_relationship_logits.dims).toEqual([1, 2]);
      const masks = feeds.input_ids[0]!.flatMap((id, p) => (id === cm.tokenizer.mask_token_id ? [p] : []));
      expect(seq).toBe(feeds.input_ids[0]!.length);
      expect(masks).toHaveLength(c.expected.tokens.length);
      masks.forEach((p, k) => {
        const probs = softmax(out.prediction_logits.data.subarray(p * vocab, (p + 1) * vocab));
        const best = probs.indexOf(Math.max(...probs));
        expect(cm.vocab[best], c.sentence_a).toBe(c.expected.tokens[k]);
        expect(probs[best]).toBeGreaterThan(c.expected.minProb);
      });
      if (c.relation) {
        const [isNext, notNext] = softmax(out.seq_relationship_logits.data) as [number, number];
        expect(isNext > notNext ? 'IsNext' : 'NotNext', `${c.sentence_a} / ${c.sentence_b}`).toBe(c.relation);
      }
    }
    await cm.dispose();
  });
});

it('a checkpoint without the NSP half is refused by name', async () => {
  await expect(checkpointSource(pretrainingHead, depsWith(fx.runtime)).availableDtypes({ model: NO_NSP_HEAD_ID, host: fx.hub.url })).rejects.toThrow(/cls\.seq_relationship/);
});
