// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mirrorFixtures } from '../../../../scripts/fixtures/mirror-fixture';
import { softmax } from '@/lib/maths';
import { HEAD_NAMES } from '@/lib/mirror/anatomy';
import { MIRROR_DRIFT, MIRROR_ID, MIRROR_TUNED_ID } from '@/lib/mirror/cases';
import { wearHead } from '@/lib/mirror/dense-head';
import { mirrorHead } from '@/lib/mirror/mirror-head';
import type { DriftReport, MirrorOutput, TrainedHead } from '@/lib/mirror/types';
import { referenceForward } from '@/lib/onnx';
import { madePartial, type RunContext } from '../../adapter';
import { depsWith, loadContext, fixtureHub } from '../../sdk/testing';
import { mirrorAdapter } from './adapter';

/*
 * The mirror on its fixture body, as the page reads it (Range requests to a Hub-shaped host): every
 * number against the plain-TypeScript reference pass, the parameter counts against the config, and
 * the drift against where the fixture put it.
 */

const spec = mirrorFixtures[0]!;
const c = spec.config;
const [h, m, V, P, T, L] = [c.hiddenSize, c.intermediateSize, c.vocabSize, c.maxPositions, c.typeVocabSize, c.numLayers];
const linear = (i: number, o: number) => i * o + o;
const EXPECTED = {
  body: V * h + P * h + T * h + 2 * h + L * (4 * linear(h, h) + 2 * h + linear(h, m) + linear(m, h) + 2 * h) + linear(h, h),
  maskedWord: linear(h, h) + 2 * h + V,
  nextSentence: linear(h, 2),
};

const trained: TrainedHead = {
  name: 'sleepy / playful',
  encoder: MIRROR_ID,
  pooling: 'mean',
  normalize: true,
  hiddenSize: h,
  task: 'classification',
  labels: ['playful', 'sleepy'],
  layers: [{ inSize: h, outSize: 2, weight: Array.from({ length: 2 * h }, (_, i) => Math.sin(i)), bias: [0.1, -0.1] }],
};

const rc = <T,>(emit: (p: T) => void = () => {}): RunContext<T> => ({ emit: (p) => emit(madePartial(p)), signal: new AbortController().signal, stopped: () => false });

const fx = fixtureHub();

describe('the mirror on the fixture body', () => {
  it('one pass: the hidden states and every head agree with the reference pass (fp32, 1e-4); the counts are exact', async () => {
    const deps = depsWith(fx.runtime);
    const loaded = await mirrorAdapter(deps).load(loadContext(fx.hub.url, MIRROR_ID, 'fp32').ctx);
    const { output: raw, tokens } = await loaded.run({ text: 'the cat sat on the [MASK] .', pair: 'it was hungry .', heads: [trained, { ...trained, name: 'too wide', hiddenSize: h + 1 }] }, rc());
    const output = raw as MirrorOutput;
    const ids = tokens!.rows.map((r) => r.id);
    const ref = referenceForward(c, mirrorHead({ maskedLm: true, nextSentence: true }), spec.weights(), { inputIds: [ids], tokenTypeIds: [tokens!.rows.map((r) => r.typeId ?? 0)] });

    expect(output.hidden).toHaveLength(ids.length);
    output.hidden.flat().forEach((v, i) => expect(Math.abs(v - ref.last_hidden_state!.data[i]!)).toBeLessThan(1e-4));

    const mlm = output.readings.find((r) => r.kind === 'masked-lm');
    if (mlm?.kind !== 'masked-lm') throw new Error('no masked-word reading');
    mlm.positions.forEach((guesses, p) => {
      const probs = softmax(ref.prediction_logits!.data.subarray(p * V, (p + 1) * V));
      const best = probs.indexOf(Math.max(...probs));
      expect(guesses[0]!.p).toBeCloseTo(probs[best]!, 4);
    });
    const nsp = output.readings.find((r) => r.kind === 'next-sentence');
    if (nsp?.kind !== 'next-sentence') throw new Error('no next-sentence reading');
    expect(nsp.isNext).toBeCloseTo(softmax(ref.seq_relationship_logits!.data)[0]!, 4);

    const custom = output.readings.find((r) => r.kind === 'custom');
    if (custom?.kind !== 'custom') throw new Error('the trained head was not worn');
    const refHidden = ids.map((_, p) => Array.from(ref.last_hidden_state!.data.subarray(p * h, (p + 1) * h)));
    custom.values.forEach((v, k) => expect(v).toBeCloseTo(wearHead(trained, refHidden)[k]!, 4));
    expect(output.refused.map((r) => r.name)).toEqual(['too wide']);
    await expect(loaded.run({ text: '  ', pair: '', heads: [] }, rc())).rejects.toThrow('The text is empty');

    const a = output.anatomy;
    expect(a.bodyParams).toBe(EXPECTED.body);
    expect(a.tiedParams).toBe(V * h);
    expect(Object.fromEntries(a.heads.map((x) => [x.name, x.params]))).toEqual({
      [HEAD_NAMES.hidden]: 0,
      [HEAD_NAMES.maskedLm]: EXPECTED.maskedWord,
      [HEAD_NAMES.nextSentence]: EXPECTED.nextSentence,
      [trained.name]: 2 * h + 2,
    });
    await loaded.dispose();
  });

  it('the default body (the replica of google-bert/bert-base-uncased) wears both of BERT\'s own heads; the SWAG body none, and drifts from it', async () => {
    const deps = depsWith(fx.runtime);
    const loaded = await mirrorAdapter(deps).load(loadContext(fx.hub.url, 'google-bert/bert-base-uncased', 'fp32').ctx);
    const { output } = await loaded.run({ text: 'the cat sat on the [MASK] .', pair: '', heads: [] }, rc());
    expect((output as MirrorOutput).readings.map((r) => r.kind)).toEqual(['hidden', 'masked-lm', 'next-sentence']);
    const swag = await mirrorAdapter(deps).load(loadContext(fx.hub.url, 'stefandi/bert-base-uncased-finetuned-swag', 'fp32').ctx);
    const { output: bare } = await swag.run({ text: 'a b', pair: '', heads: [] }, rc());
    expect((bare as MirrorOutput).anatomy.heads.map((x) => x.name)).toEqual([HEAD_NAMES.hidden]);
    const report = (await loaded.call!({ kind: 'drift', tuned: 'stefandi/bert-base-uncased-finetuned-swag' }, rc() as RunContext)) as DriftReport;
    expect(report.done).toBe(true);
    expect(report.rows.every((r) => Number.isFinite(r.relative))).toBe(true);
    await Promise.all([loaded.dispose(), swag.dispose()]);
  });

  it('drift: the fine-tuned twin moved exactly the modules the fixture scaled, by the amount it scaled them', async () => {
    const deps = depsWith(fx.runtime);
    const loaded = await mirrorAdapter(deps).load(loadContext(fx.hub.url, MIRROR_ID, 'fp32').ctx);
    const partials: DriftReport[] = [];
    const report = (await loaded.call!({ kind: 'drift', tuned: MIRROR_TUNED_ID }, rc<DriftReport>((p) => partials.push(p)) as RunContext)) as DriftReport;
    expect(report.done).toBe(true);
    expect(partials.length).toBe(report.rows.length);
    expect(report.rows).toHaveLength(4 + 8 * L);
    for (const row of report.rows) {
      const put = MIRROR_DRIFT.find((d) => d.layer === row.layer && d.kind === row.kind);
      expect(row.relative, `${row.kind} ${row.layer}`).toBeCloseTo(put?.relative ?? 0, 6);
    }
    // Only the body's tensors were read of the twin: its header, then the body's ranges.
    const twin = fx.hub.log().filter((e) => e.url.includes(MIRROR_TUNED_ID) && e.url.endsWith('model.safetensors') && e.method === 'GET');
    expect(twin.length).toBeGreaterThan(0);
    expect(twin.every((e) => e.range?.startsWith('bytes='))).toBe(true);
    await loaded.dispose();
  });
});
