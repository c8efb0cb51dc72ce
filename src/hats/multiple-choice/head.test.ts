// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { softmax } from '@/lib/maths';
import { expectGraphMatchesReference, testConfig } from '@/lib/onnx/testing';
import { checkpointSource, EngineError, loadCheckpoint } from '@/worker/sdk';
import { depsWith, loadContext, pairBatch, fixtureHub } from '@/worker/sdk/testing';
import { multipleChoiceCases, NO_SAFETENSORS_ID, SWAG_ID } from './cases';
import { multipleChoiceHead } from './head';

/*
 * The head's graph against its reference maths, then the fixture checkpoint (npm run fixtures)
 * through the loader as the page reads it: served by the test hub, built in the page's way, run on
 * ONNX Runtime in float32 and quantized to q8, giving the known answers.
 */

describe('the multiple-choice head', () => {
  it.each(['bert', 'distilbert'] as const)('%s: the graph matches the reference pass, fp32 and q8', async (family) => {
    await expectGraphMatchesReference(family, multipleChoiceHead);
  });

  it('gives one score per (context, choice) row', () => {
    expect(multipleChoiceHead.outputs(testConfig('bert'))).toEqual([{ name: 'logits', dims: ['batch_size', 1] }]);
  });
});

const fx = fixtureHub();

describe.each(['fp32', 'q8'] as const)('the fixture checkpoint in %s', (dtype) => {
  it('the sensible choice wins (or all tie when nothing is needed)', async () => {
    const cm = await loadCheckpoint(loadContext(fx.hub.url, SWAG_ID, dtype).ctx, multipleChoiceHead, depsWith(fx.runtime));
    for (const c of multipleChoiceCases) {
      const { logits } = await cm.run(pairBatch(cm, c.choices.map((choice) => [c.context, choice])));
      expect(logits.dims).toEqual([c.choices.length, 1]);
      const probs = softmax(logits.data);
      if (c.expected) expect(probs[c.expected.index], c.context).toBeGreaterThan(c.expected.minProb);
      else for (const p of probs) expect(p).toBeCloseTo(1 / probs.length, 2);
    }
    await cm.dispose();
  });
});

describe('fixture error paths', () => {
  it('no model.safetensors', async () => {
    const error = await checkpointSource(multipleChoiceHead, depsWith(fx.runtime)).availableDtypes({ model: NO_SAFETENSORS_ID, host: fx.hub.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message).toMatch(/has no model\.safetensors/);
  });

  it('a host that ignores Range is named', async () => {
    const model = SWAG_ID.replace('/', '/no-range-');
    const error = await loadCheckpoint(loadContext(fx.hub.url, model).ctx, multipleChoiceHead, depsWith(fx.runtime)).catch((e: unknown) => e);
    expect((error as EngineError).message).toContain(fx.hub.url);
    expect((error as EngineError).kind).toBe('unsupported');
  });
});
