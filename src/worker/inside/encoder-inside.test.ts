// @vitest-environment node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InsideAnswer, InsideLook, InsidePlan, InsideView } from '@/lib/inside';
import { referenceInside, type EncoderConfig } from '@/lib/onnx';
import { legacyName, parseSafetensorsHeader, toFloat32 } from '@/lib/safetensors';
import { depsWith, FIXTURES_ROOT, fixtureHub, loadContext } from '@/worker/sdk/testing';
import { madePartial, type RunContext } from '../adapter';
import { encoderInside } from './encoder-inside';

/*
 * The Inside calls on fixture checkpoints served like the Hub: the plan before anything big is
 * fetched, then the look, held against the loop-by-loop reference on the same safetensors.
 */

const BERT = 'hw-test/tiny-bert-pretraining'; // BERT with its masked-LM head (legacy gamma/beta names)
const DISTILBERT = 'hw-test/tiny-distilbert-sst2'; // DistilBERT fine-tuned: no masked-LM head left
const IDS = [2, 10, 11, 4, 12, 3, 13, 14, 3];
const TYPES = [0, 0, 0, 0, 0, 0, 1, 1, 1];

const fx = fixtureHub();

async function weightsOf(id: string) {
  const bytes = new Uint8Array(await readFile(path.join(FIXTURES_ROOT, id, 'model.safetensors')));
  const header = parseSafetensorsHeader(bytes);
  const weights: Record<string, Float32Array> = {};
  for (const [name, e] of header.tensors) weights[legacyName(name)] = toFloat32(e.dtype, bytes.subarray(header.dataStart + e.begin, header.dataStart + e.end));
  const config = JSON.parse(await readFile(path.join(FIXTURES_ROOT, id, 'config.json'), 'utf8')) as Record<string, number | string>;
  return { weights, config };
}

function rc(partials: InsideAnswer[] = []): RunContext<InsideAnswer> {
  return { emit: (p) => partials.push(madePartial(p)), signal: new AbortController().signal, stopped: () => false };
}

function inside(id: string, views: InsideView[], deps = depsWith(fx.runtime)) {
  const vocab = Array.from({ length: 200 }, (_, i) => `t${i}`);
  const ctx = loadContext(fx.hub.url, id).ctx;
  return { deps, inside: encoderInside<{ ids: number[] }>(ctx, { vocab, views, encode: (p) => ({ ids: p.ids, types: TYPES.slice(0, p.ids.length) }), focus: () => 4 }, deps) };
}

const worst = (got: Float32Array, want: number[]) => want.reduce((m, w, i) => Math.max(m, Math.abs(got[i]! - w)), 0);

describe('a look inside a BERT checkpoint', () => {
  it('plans first (the size, nothing big fetched), then answers attention, hidden states and lens as the reference computes them', async () => {
    const { inside: look, deps } = inside(BERT, ['attention', 'lens', 'hidden']);
    const plan = (await look.call({ kind: 'plan' }, rc())) as InsidePlan;
    const { config } = await weightsOf(BERT);
    expect(plan).toMatchObject({ kind: 'plan', source: BERT, cached: false, layers: config.num_hidden_layers, heads: config.num_attention_heads, gaps: {} });
    expect(plan.bytes).toBeGreaterThan(10_000);
    expect(fx.hub.log().filter((e) => e.url.endsWith('model.safetensors') && e.range && !/^bytes=(0|8)-/.test(e.range))).toHaveLength(0);

    const partials: InsideAnswer[] = [];
    const got = (await look.call({ kind: 'look', params: { ids: IDS } }, rc(partials))) as InsideLook;
    expect(partials.at(-1)).toMatchObject({ kind: 'progress', loaded: plan.bytes, total: plan.bytes });
    const { weights } = await weightsOf(BERT);
    const encoder: EncoderConfig = {
      family: 'bert',
      vocabSize: config.vocab_size as number,
      hiddenSize: config.hidden_size as number,
      numLayers: plan.layers,
      numHeads: plan.heads,
      intermediateSize: config.intermediate_size as number,
      maxPositions: config.max_position_embeddings as number,
      typeVocabSize: 2,
      layerNormEps: 1e-12,
      prefix: 'bert.',
    };
    const want = referenceInside(encoder, weights, IDS, 5, TYPES);
    const [self] = got.attention;
    expect(self?.queries).toEqual(IDS.map((id) => `t${id}`));
    expect(worst(self!.layers[0]!, want.attentions[0]!.flat(2))).toBeLessThan(1e-4);
    for (let row = 0; row < plan.heads * IDS.length; row++) {
      const total = self!.layers[0]!.subarray(row * IDS.length, (row + 1) * IDS.length).reduce((a, b) => a + b, 0);
      expect(Math.abs(total - 1)).toBeLessThan(1e-5);
    }
    want.hiddens.forEach((h, i) => expect(worst(got.hidden!.layers[i]!, h.flat())).toBeLessThan(1e-4));
    expect(got.lens?.focus).toBe(4);
    for (const [h, layer] of want.lens!.entries()) {
      const shown = got.lens!.positions[4]!.layers[h]!;
      expect(shown.map((g) => g.token)).toEqual(layer[4]!.map((g) => `t${g.id}`));
      expect(worst(Float32Array.from(shown.map((g) => g.p)), layer[4]!.map((g) => g.p))).toBeLessThan(1e-4);
    }
    // The same weights again: read from the cache, so the plan now costs nothing.
    expect(await look.call({ kind: 'plan' }, rc())).toMatchObject({ cached: true, bytes: 0 });
    expect(deps.shared.size()).toBeGreaterThan(0);
    await look.dispose();
  });
});

describe('a look inside a fine-tuned DistilBERT checkpoint', () => {
  it('shows attention, and says in one sentence why there is no lens', async () => {
    const { inside: look } = inside(DISTILBERT, ['attention', 'lens']);
    const plan = (await look.call({ kind: 'plan' }, rc())) as InsidePlan;
    expect(plan.gaps.lens).toMatch(/^hw-test\/tiny-distilbert-sst2 kept no masked-word head .*\.$/);
    expect(plan.gaps.attention).toBeUndefined();
    const ids = IDS.slice(0, 6);
    const got = (await look.call({ kind: 'look', params: { ids } }, rc())) as InsideLook;
    expect(got.lens).toBeUndefined();
    const { weights, config } = await weightsOf(DISTILBERT);
    const encoder: EncoderConfig = {
      family: 'distilbert',
      vocabSize: config.vocab_size as number,
      hiddenSize: config.dim as number,
      numLayers: config.n_layers as number,
      numHeads: config.n_heads as number,
      intermediateSize: config.hidden_dim as number,
      maxPositions: config.max_position_embeddings as number,
      typeVocabSize: 0,
      layerNormEps: 1e-12,
      prefix: 'distilbert.',
    };
    const want = referenceInside(encoder, weights, ids, 0);
    got.attention[0]!.layers.forEach((l, i) => expect(worst(l, want.attentions[i]!.flat(2))).toBeLessThan(1e-4));
    await look.dispose();
  });
});

it('looks inside the input picked, of the several a run feeds the model, and shows the first when the pick is past them', async () => {
  const pairs = [IDS.slice(0, 4), IDS.slice(0, 6)];
  const vocab = Array.from({ length: 200 }, (_, i) => `t${i}`);
  const look = encoderInside<{ ids: number[] }>(loadContext(fx.hub.url, DISTILBERT).ctx, {
    vocab,
    views: ['attention'],
    encode: (_, pick) => ({ ids: pairs[pick]! }),
    picks: () => ({ label: 'Which pair', names: ['short', 'long'] }),
  }, depsWith(fx.runtime));
  const second = (await look.call({ kind: 'look', params: { ids: [] }, pick: 1 }, rc())) as InsideLook;
  expect(second.picks).toEqual({ label: 'Which pair', names: ['short', 'long'], shown: 1 });
  expect(second.attention[0]!.queries).toEqual(pairs[1]!.map((id) => `t${id}`));
  const past = (await look.call({ kind: 'look', params: { ids: [] }, pick: 5 }, rc())) as InsideLook;
  expect(past.picks?.shown).toBe(0);
  expect(past.attention[0]!.queries).toHaveLength(4);
  await look.dispose();
});

it('says why a listed export without a verified PyTorch parent cannot be looked inside, without asking the host', async () => {
  const before = fx.hub.log().length;
  const { inside: look } = inside('Xenova/bge-small-en-v1.5', ['attention']);
  const plan = (await look.call({ kind: 'plan' }, rc())) as InsidePlan;
  expect(plan.source).toBeNull();
  expect(plan.gaps.attention).toMatch(/^Xenova\/bge-small-en-v1\.5 holds ONNX weights only.*\.$/);
  expect(fx.hub.log().length).toBe(before);
  await expect(look.call({ kind: 'look', params: { ids: IDS } }, rc())).rejects.toThrow(/not verified/);
});
