// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from '@huggingface/transformers';
import type { ModelSpec, WorkerResponse } from '@/engine/protocol';
import type { HatAdapter } from '@/worker/adapter';
import { memoryCache, startHub, type Hub } from '@/worker/sdk/testing';
import { Engine } from '@/worker/engine';
import { onnxExportSource, setHost } from '@/worker/hub';
import { moodHead } from './custom-head/fixture';
import { encodeHeadLink } from './custom-head/head-codec';
import { OWN_IMAGE } from './masked-image-modeling/samples';
import { multipleChoiceCases } from './multiple-choice/cases';
import type { MultipleChoiceOutput } from './multiple-choice/scores';
import type { NspOutput } from './next-sentence-prediction/verdict';
import { nspCases } from './next-sentence-prediction/cases';
import type { PretrainingOutput } from './pretraining/output';
import type { SeqClsOutput } from './sequence-classification/postprocess';
import { hats } from './registry';
import type { InsideLook, InsidePlan } from '@/lib/inside';

/*
 * Every model a hat lists, as its replica (tiny weights under the real repo's id, file names and
 * recorded small files; npm run fixtures), loaded the way the page loads it: the hat's adapter
 * through the worker's engine, from the Hub-shaped test server, with the hat's default input.
 * ONNX Runtime for Node stands in for ONNX Runtime Web (the checkpoint hats build their graphs with it).
 */

vi.mock('onnxruntime-web/webgpu', async () => {
  const name = 'onnxruntime-node';
  const ort = (await import(/* @vite-ignore */ name)) as { InferenceSession: { create(m: Uint8Array, o?: object): Promise<unknown> }; Tensor: unknown };
  return { Tensor: ort.Tensor, InferenceSession: { create: (model: Uint8Array, options: object = {}) => ort.InferenceSession.create(model, { ...options, executionProviders: ['cpu'] }) } };
});

const adapters = import.meta.glob<{ default: HatAdapter }>('./*/adapter.ts');

let hub: Hub;

beforeAll(async () => {
  hub = await startHub(new URL('../../fixtures/models', import.meta.url).pathname);
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useBrowserCache = false;
  env.useFSCache = false;
  // transformers.js in Node opens ONNX files from a cache; the browser's Cache API stands in as a map.
  env.useCustomCache = true;
  env.customCache = memoryCache() as unknown as typeof env.customCache;
});
afterAll(() => hub?.close());

/**
 * Runs `params` on `model` with `hat`'s adapter through a fresh engine, then sends it `calls` (ids 3,
 * 4, …) on the loaded model; returns what the worker would post.
 */
async function run(hat: string, model: string, params: unknown, dtype = 'auto', calls: unknown[] = []): Promise<WorkerResponse[]> {
  const posted: WorkerResponse[] = [];
  const load = adapters[`./${hat}/adapter.ts`];
  if (!load) throw new Error(`no adapter for ${hat}`);
  const engine = new Engine({
    adapters: { [hat]: async () => (await load()).default },
    defaultSource: onnxExportSource,
    setHost,
    webgpu: async () => ({ ok: false, present: false }),
    post: (m) => posted.push(m),
    now: () => performance.now(),
    threads: () => 1,
    cores: () => 2,
    crossOriginIsolated: () => false,
  });
  // Node's ONNX Runtime has a CPU provider where the browser has WebAssembly.
  const spec = { hat, model, host: hub.url, dtype, device: 'cpu' } as unknown as ModelSpec;
  await engine.handle({ type: 'run', id: 1, spec, params });
  for (const [i, payload] of calls.entries()) await engine.handle({ type: 'call', id: 3 + i, spec, payload });
  await engine.handle({ type: 'dispose', id: 2 });
  return posted;
}

/**
 * The hat's default input; two hats need one thing more: the custom head a trained head (the one
 * its fixture trains on a 32-wide encoder), the image hat a picture of its own (Node has no canvas
 * to decode the samples with).
 */
function replicaParams(hat: string, defaults: unknown): unknown {
  if (hat === 'custom-head') return { ...(defaults as object), head: encodeHeadLink(moodHead()) };
  if (hat === 'masked-image-modeling') {
    const side = 64;
    const rgb = Uint8ClampedArray.from({ length: side * side * 3 }, (_, i) => (i * 7) % 256);
    return { ...(defaults as object), image: OWN_IMAGE, own: { rgb, side, name: 'gradient', notes: [] } };
  }
  return defaults;
}

const listed = hats.flatMap((h) => h.models.map((m) => [h.id, m.id] as const));

describe('every listed model, as its replica, through the real remote path', () => {
  it('covers every hat', () => {
    expect(new Set(listed.map(([hat]) => hat)).size).toBe(hats.length);
  });

  it.each(listed)('%s answers on %s', async (hat, model) => {
    const posted = await run(hat, model, replicaParams(hat, hats.find((h) => h.id === hat)!.params.defaults));
    const error = posted.find((m) => m.type === 'error');
    expect(error && 'error' in error ? error.error : undefined).toBeUndefined();
    const result = posted.find((m) => m.type === 'result');
    expect(result && 'output' in result ? result.output : undefined).toBeTruthy();
  });
});

/** The output of one run, failing with the worker's error if there was one. */
async function answer<O>(hat: string, model: string, params: unknown, dtype?: string): Promise<O> {
  const posted = await run(hat, model, params, dtype);
  const error = posted.find((m) => m.type === 'error');
  if (error && 'error' in error) throw new Error(`${hat} on ${model}: ${error.error.message} (${error.error.detail ?? ''})`);
  const result = posted.find((m) => m.type === 'result');
  return (result as { output: O }).output;
}

describe('the checkpoint hats on their default repos’ replicas (real tokenizer_config.json, no special_tokens_map.json)', () => {
  it('pretraining fills the mask and judges the pair on google-bert/bert-base-uncased', async () => {
    const out = await answer<PretrainingOutput>('pretraining', 'google-bert/bert-base-uncased', {
      sentence_a: 'The cat says [MASK].',
      sentence_b: 'The cat eats fish.',
      labels: ['meow'],
      is_next: 'true',
    });
    expect(out.maskToken).toBe('[MASK]');
    expect(out.masks[0]?.top[0]?.token).toBe('meow');
    expect(out.masks[0]?.truth?.rank).toBe(1);
    expect(out.nsp.isNext).toBeGreaterThan(0.8);
  });

  it('next sentence prediction tells a follow-up from a change of topic on google-bert/bert-base-uncased', async () => {
    const [same, other] = nspCases;
    expect((await answer<NspOutput>('next-sentence-prediction', 'google-bert/bert-base-uncased', same)).label).toBe('IsNext');
    expect((await answer<NspOutput>('next-sentence-prediction', 'google-bert/bert-base-uncased', other)).label).toBe('NotNext');
  });

  it('multiple choice picks the choice that meets the need on stefandi/bert-base-uncased-finetuned-swag', async () => {
    const c = multipleChoiceCases[1]!;
    const out = await answer<MultipleChoiceOutput>('multiple-choice', 'stefandi/bert-base-uncased-finetuned-swag', { context: c.context, choices: c.choices });
    expect(out.best).toBe(c.expected!.index);
  });
});

describe('fp16 exports answer in half precision; the hats read them as the fp32 file', () => {
  const classifiers = hats.find((h) => h.id === 'sequence-classification')!;
  it.each(classifiers.models.map((m) => m.id))('%s: the same scores in fp16 as in fp32', async (model) => {
    const params = classifiers.params.defaults;
    const [full, half] = [await answer<SeqClsOutput>('sequence-classification', model, params, 'fp32'), await answer<SeqClsOutput>('sequence-classification', model, params, 'fp16')];
    expect(half.labels.map((l) => l.label)).toEqual(full.labels.map((l) => l.label));
    half.labels.forEach((l, i) => expect(l.score).toBeCloseTo(full.labels[i]!.score, 2));
  });
});

/** The plan and the look of a hat's Inside panel on `model`, after one run of `params`. */
async function inside(hat: string, model: string, params: unknown): Promise<{ plan: InsidePlan; look: InsideLook }> {
  const posted = await run(hat, model, params, 'auto', [{ kind: 'plan' }, { kind: 'look', params }]);
  const error = posted.find((m) => m.type === 'error');
  if (error && 'error' in error) throw new Error(`${hat} on ${model}: ${error.error.message} (${error.error.detail ?? ''})`);
  const answer = (id: number) => (posted.find((m) => m.type === 'result' && m.id === id) as { output: unknown }).output;
  return { plan: answer(3) as InsidePlan, look: answer(4) as InsideLook };
}

/** Every row of every head of every layer sums to 1. */
function expectRowsSumToOne(layers: Float32Array[], keys: number) {
  for (const data of layers) for (let r = 0; r < data.length / keys; r++) expect(Math.abs(data.subarray(r * keys, (r + 1) * keys).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-4);
}

describe('looking inside the generator hats’ default models (their replicas, read from the parents’ model.safetensors)', () => {
  it('causal-lm on Xenova/distilgpt2 reads distilbert/distilgpt2: causal attention and a lens that ends on the next word', async () => {
    const { plan, look } = await inside('causal-lm', 'Xenova/distilgpt2', { ...(hats.find((h) => h.id === 'causal-lm')!.params.defaults as object), text: 'the cat' });
    expect(plan).toMatchObject({ source: 'distilbert/distilgpt2', cached: false, layers: 1, heads: 2, gaps: {} });
    expect(plan.bytes).toBeGreaterThan(100_000);
    expect(look.source).toBe('distilbert/distilgpt2');
    const [map] = look.attention;
    expect(map!.queries).toEqual(['the', ' cat']);
    expectRowsSumToOne(map!.layers, 2);
    expect(map!.layers[0]![1]).toBe(0); // head 1: "the" cannot see " cat"
    expect(look.lens!.focus).toBe(1);
    expect(look.lens!.positions[1]!.layers.at(-1)![0]!.token).toBe(' sat');
    expect(look.hidden!.layers).toHaveLength(2);
  });

  it('seq2seq-lm on Xenova/flan-t5-small reads google/flan-t5-small: encoder, decoder and cross-attention', async () => {
    const { plan, look } = await inside('seq2seq-lm', 'Xenova/flan-t5-small', hats.find((h) => h.id === 'seq2seq-lm')!.params.defaults);
    expect(plan).toMatchObject({ source: 'google/flan-t5-small', layers: 1, heads: 2 });
    expect(look.attention.map((m) => m.name)).toEqual(['encoder self', 'decoder self', 'cross']);
    const [encoder, decoder, cross] = look.attention;
    expect(cross!.queries).toEqual(decoder!.queries);
    expect(cross!.keys).toEqual(encoder!.keys);
    for (const m of look.attention) expectRowsSumToOne(m.layers, m.keys.length);
    const n = decoder!.queries.length;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(decoder!.layers[0]![i * n + j]).toBe(0);
  });

  it('seq2seq-lm on the fixture: cross-attention head 1 finds the noun while the decoder writes its article', async () => {
    const { look } = await inside('seq2seq-lm', 'hw-test/tiny-t5', { ...(hats.find((h) => h.id === 'seq2seq-lm')!.params.defaults as object), task: 'translate-de', text: 'the cat' });
    const cross = look.attention.find((m) => m.name === 'cross')!;
    expect(cross.queries).toEqual(['<pad>', '▁die', '▁Katze']);
    const row = Array.from(cross.layers[0]!.subarray(0, cross.keys.length));
    expect(cross.keys[row.indexOf(Math.max(...row))]).toBe('▁cat');
  });

  it('masked-image-modeling on facebook/vit-mae-base: patch-to-patch attention over [CLS] and the visible patches, nothing to download', async () => {
    const params = replicaParams('masked-image-modeling', hats.find((h) => h.id === 'masked-image-modeling')!.params.defaults);
    const { plan, look } = await inside('masked-image-modeling', 'facebook/vit-mae-base', params);
    expect(plan).toMatchObject({ source: 'facebook/vit-mae-base', bytes: 0, cached: true });
    const [map] = look.attention;
    expect(map!.queries[0]).toBe('[CLS]');
    expect(map!.queries.slice(1).every((q) => /^r\d+ c\d+$/.test(q))).toBe(true);
    expect(map!.layers).toHaveLength(plan.layers);
    expect(map!.heads).toBe(plan.heads);
    expectRowsSumToOne(map!.layers, map!.keys.length);
  });
});
