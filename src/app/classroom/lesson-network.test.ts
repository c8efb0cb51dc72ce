import { describe, expect, it } from 'vitest';
import { hats } from '@/hats/registry';
import { MB } from '@/lib/format';
import type { CachedModel } from '@/lib/model-cache';
import { downloadKey, lessonTotal, modelsToConfirm, stepNeeds, stepReady } from './lesson-network';

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

  it('a partly cached model is not ready offline: only the models with files in the cache are asked about, and only a whole one counts', () => {
    const needs = stepNeeds(
      [
        { link: 'v=1&hat=masked-lm&model=Xenova/bert-base-uncased', note: '' },
        { link: 'v=1&hat=masked-lm&model=Xenova/bert-base-uncased&text=again', note: '' },
        { link: 'v=1&hat=sequence-classification', note: '' },
        { link: 'v=1&hat=token-classification&host=demo', note: '' },
      ],
      hats,
      HUB,
    );
    const cached = (model: string, files: string[], host = HUB): CachedModel => ({ key: `${host} · ${model}`, host, model, files, bytes: 1000, requests: [] });
    // Looking the first model over cached its config and tokenizer, not its weights; the second is cached from another host.
    const models = [cached('Xenova/bert-base-uncased', ['config.json', 'tokenizer.json']), cached(needs[2]!.spec!.model, ['config.json', 'onnx/model_quantized.onnx'], 'https://mirror.school')];
    const asked = modelsToConfirm(needs, models);
    expect(asked.map((s) => s.model)).toEqual(['Xenova/bert-base-uncased']);
    // The worker found files missing: not ready, whatever the cache's list holds.
    expect(needs.map((n) => stepReady(n, new Set()))).toEqual([false, false, false, true]);
    // The worker found every file: both steps that use it are ready.
    expect(needs.map((n) => stepReady(n, new Set([downloadKey(asked[0]!)])))).toEqual([true, true, false, true]);
  });
});
