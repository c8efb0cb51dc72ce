// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { multipleChoiceCases, SWAG_ID } from '@/hats/multiple-choice/fixture';
import {
  NO_NSP_HEAD_ID,
  NO_SAFETENSORS_ID,
  nspCases,
  PRETRAINING_ID,
  pretrainingMaskCases,
} from '@/hats/pretraining/fixture';
import { EngineError } from '../errors';
import { depsWith, loadContext, nodeRuntime, startHub, type Hub } from './hub-harness';
import { checkpointSource, loadCheckpoint, type CheckpointModel } from './index';

/*
 * The known answers of the checkpoint-only fixtures (npm run fixtures), through the loader:
 * served by the test hub from fixtures/models, built in the page's way, run on ONNX Runtime,
 * in float32 and quantized to q8.
 */

let hub: Hub;
let runtime: Awaited<ReturnType<typeof nodeRuntime>>;

beforeAll(async () => {
  hub = await startHub(new URL('../../../fixtures/models', import.meta.url).pathname);
  runtime = await nodeRuntime();
});
afterAll(() => hub?.close());
beforeEach(() => hub.resetLog());

const softmax = (xs: ArrayLike<number>) => {
  const max = Math.max(...Array.from(xs));
  const e = Array.from(xs, (x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};

/** Tokenizes (a, b) pairs as BERT does and pads them into one batch. */
function batch(cm: CheckpointModel, pairs: [string, string | undefined][]) {
  const rows = pairs.map(([a, b]) => {
    const enc = cm.tokenizer(a, { text_pair: b ?? null, return_tensor: false }) as unknown as Record<string, number[]>;
    return { ids: enc.input_ids!, types: enc.token_type_ids ?? enc.input_ids!.map(() => 0) };
  });
  const width = Math.max(...rows.map((r) => r.ids.length));
  const pad = (xs: number[], v: number) => [...xs, ...Array<number>(width - xs.length).fill(v)];
  return {
    input_ids: rows.map((r) => pad(r.ids, cm.tokenizer.pad_token_id ?? 0)),
    attention_mask: rows.map((r) => pad(r.ids.map(() => 1), 0)),
    token_type_ids: rows.map((r) => pad(r.types, 0)),
  };
}

describe.each(['fp32', 'q8'] as const)('fixture checkpoints in %s', (dtype) => {
  it('multiple choice: the sensible choice wins (or all tie when nothing is needed)', async () => {
    const cm = await loadCheckpoint(loadContext(hub.url, SWAG_ID, dtype).ctx, 'multiple-choice', depsWith(runtime));
    for (const c of multipleChoiceCases) {
      const { logits } = await cm.run(batch(cm, c.choices.map((choice) => [c.context, choice])));
      expect(logits!.dims).toEqual([c.choices.length, 1]);
      const probs = softmax(logits!.data);
      if (c.expected) expect(probs[c.expected.index], c.context).toBeGreaterThan(c.expected.minProb);
      else for (const p of probs) expect(p).toBeCloseTo(1 / probs.length, 2);
    }
    await cm.dispose();
  });

  it('next sentence prediction: IsNext is index 0, as in BERT', async () => {
    const cm = await loadCheckpoint(loadContext(hub.url, PRETRAINING_ID, dtype).ctx, 'next-sentence-prediction', depsWith(runtime));
    const { logits } = await cm.run(batch(cm, nspCases.map((c) => [c.sentence_a, c.sentence_b])));
    expect(logits!.dims).toEqual([nspCases.length, 2]);
    nspCases.forEach((c, i) => {
      const [isNext, notNext] = softmax(logits!.data.subarray(i * 2, i * 2 + 2));
      expect(c.expected.label === 'IsNext' ? isNext : notNext, `${c.sentence_a} / ${c.sentence_b}`).toBeGreaterThan(c.expected.minProb);
    });
    await cm.dispose();
  });

  it('pre-training: the masked-LM head fills the blank, through the legacy gamma/beta names', async () => {
    const cm = await loadCheckpoint(loadContext(hub.url, PRETRAINING_ID, dtype).ctx, 'pretraining', depsWith(runtime));
    expect(cm.provenance.headTensors.map((t) => t.name)).toContain('cls.predictions.transform.LayerNorm.gamma');
    for (const c of pretrainingMaskCases) {
      const feeds = batch(cm, [[c.sentence_a, c.sentence_b]]);
      const out = await cm.run(feeds);
      const [, seq, vocab] = out.prediction_logits!.dims as [number, number, number];
      expect(out.seq_relationship_logits!.dims).toEqual([1, 2]);
      const masks = feeds.input_ids[0]!.flatMap((id, p) => (id === cm.tokenizer.mask_token_id ? [p] : []));
      expect(seq).toBe(feeds.input_ids[0]!.length);
      expect(masks).toHaveLength(c.expected.tokens.length);
      masks.forEach((p, k) => {
        const probs = softmax(out.prediction_logits!.data.subarray(p * vocab, (p + 1) * vocab));
        const best = probs.indexOf(Math.max(...probs));
        expect(cm.vocab[best], c.sentence_a).toBe(c.expected.tokens[k]);
        expect(probs[best]).toBeGreaterThan(c.expected.minProb);
      });
    }
    await cm.dispose();
  });
});

describe('fixture error paths', () => {
  it('a checkpoint without the NSP head: the missing tensor is named, and only the header was read', async () => {
    const source = checkpointSource('next-sentence-prediction', depsWith(runtime));
    await expect(source.availableDtypes({ model: NO_NSP_HEAD_ID, host: hub.url })).rejects.toThrow(
      `“${NO_NSP_HEAD_ID}” has no tensor cls.seq_relationship.weight (and 1 more: cls.seq_relationship.bias) in its model.safetensors`,
    );
    expect(hub.log().filter((e) => e.url.includes('safetensors')).map((e) => e.range)).toEqual(['bytes=0-7', expect.stringMatching(/^bytes=8-/)]);
    // Its masked-LM half is all there.
    await expect(checkpointSource('pretraining', depsWith(runtime)).availableDtypes({ model: NO_NSP_HEAD_ID, host: hub.url })).rejects.toThrow(/cls\.seq_relationship/);
  });

  it('no model.safetensors', async () => {
    const error = await checkpointSource('multiple-choice', depsWith(runtime)).availableDtypes({ model: NO_SAFETENSORS_ID, host: hub.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message).toMatch(/has no model\.safetensors/);
  });

  it('a host that ignores Range is named', async () => {
    const model = SWAG_ID.replace('/', '/no-range-');
    const error = await loadCheckpoint(loadContext(hub.url, model).ctx, 'multiple-choice', depsWith(runtime)).catch((e: unknown) => e);
    expect((error as EngineError).message).toContain(hub.url);
    expect((error as EngineError).kind).toBe('unsupported');
  });
});
