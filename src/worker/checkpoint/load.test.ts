// @vitest-environment node
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LoadStage } from '@/engine/protocol';
import { referenceForward, weightShapes, type BertHead, type EncoderConfig } from '@/lib/onnx';
import { legacyName, parseSafetensorsHeader, toFloat32, writeSafetensors, type SafetensorsInput } from '@/lib/safetensors';
import type { FixtureModelSpec } from '@/lib/onnx/fixture/fixture-spec';
import { VOCAB } from '@/lib/onnx/fixture/test-vocab';
import { tokenizerConfig, tokenizerJson } from '../../../scripts/fixtures/hub-files';
import { EngineError } from '../errors';
import { bothPretrainingHeads, depsWith, loadContext, nextSentenceHead, nodeRuntime, pooledClassifier, startHub, type Hub } from '../sdk/testing';
import { checkpointSource, loadCheckpoint, type CheckpointHead } from './index';

/*
 * The loader end to end against the Hub-shaped test server: tiny BERT checkpoints with seeded random
 * weights (some LayerNorms under the legacy gamma/beta names, the word table stored as F16) are
 * written to a temporary folder; the ONNX outputs must equal the float64 reference forward pass.
 */

const config: EncoderConfig = {
  family: 'bert', vocabSize: VOCAB.length, hiddenSize: 32, numLayers: 2, numHeads: 2,
  intermediateSize: 64, maxPositions: 64, typeVocabSize: 2, layerNormEps: 1e-12, prefix: 'bert.',
};
const configJson = (architecture: string) => ({
  architectures: [architecture], model_type: 'bert', hidden_size: 32, num_hidden_layers: 2, num_attention_heads: 2,
  intermediate_size: 64, max_position_embeddings: 64, type_vocab_size: 2, vocab_size: VOCAB.length, layer_norm_eps: 1e-12,
  hidden_act: 'gelu', pad_token_id: 0,
});

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkpoint(head: BertHead, keep: (name: string) => boolean = () => true): Uint8Array {
  const next = random(7);
  const tensors: SafetensorsInput[] = weightShapes(config, head)
    .filter(([name]) => keep(name))
    .map(([name, shape]) => {
      const data = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (next() - 0.5) * 0.4);
      if (/LayerNorm\.weight$/.test(name)) data.forEach((v, i) => (data[i] = 1 + v));
      const file = name.includes('encoder.layer.1') || name.startsWith('cls.') ? name.replace(/LayerNorm\.weight$/, 'LayerNorm.gamma').replace(/LayerNorm\.bias$/, 'LayerNorm.beta') : name;
      return { name: file, dtype: name.endsWith('word_embeddings.weight') ? 'F16' : 'F32', shape, data } as SafetensorsInput;
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return writeSafetensors(tensors);
}

interface Fs {
  mkdtemp(prefix: string): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
}

let hub: Hub;
let root: string;
let fs: Fs;
let runtime: Awaited<ReturnType<typeof nodeRuntime>>;

async function writeModel(name: string, architecture: string, safetensors?: Uint8Array) {
  const dir = `${root}/hw-test/${name}`;
  await fs.mkdir(dir, { recursive: true });
  const spec = { modelMaxLength: 64, tokenizerClass: 'BertTokenizer' } as FixtureModelSpec;
  await fs.writeFile(`${dir}/config.json`, JSON.stringify(configJson(architecture)));
  await fs.writeFile(`${dir}/tokenizer.json`, JSON.stringify(tokenizerJson()));
  await fs.writeFile(`${dir}/tokenizer_config.json`, JSON.stringify(tokenizerConfig(spec)));
  if (safetensors) await fs.writeFile(`${dir}/model.safetensors`, safetensors);
}

beforeAll(async () => {
  fs = (await import(/* @vite-ignore */ 'node:fs/promises' as string)) as Fs;
  const { tmpdir } = (await import(/* @vite-ignore */ 'node:os' as string)) as { tmpdir(): string };
  root = await fs.mkdtemp(`${tmpdir()}/checkpoint-loader-`);
  await writeModel('ckpt-pre', 'BertForPreTraining', checkpoint(bothPretrainingHeads));
  await writeModel('ckpt-swag', 'BertForMultipleChoice', checkpoint(scorer));
  await writeModel('ckpt-no-nsp', 'BertForPreTraining', checkpoint(bothPretrainingHeads, (n) => !n.startsWith('cls.seq_relationship')));
  await writeModel('ckpt-no-st', 'BertForPreTraining');
  await writeModel('ckpt-bad-tokenizer', 'BertForMultipleChoice', checkpoint(scorer));
  await fs.writeFile(`${root}/hw-test/ckpt-bad-tokenizer/tokenizer.json`, '{"model": ');
  hub = await startHub(root);
  runtime = await nodeRuntime();
});

afterAll(async () => {
  await hub?.close();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

beforeEach(() => hub.resetLog());

/** The checkpoint as a plain weight map, read whole and independently of the loader. */
async function referenceWeights(model: string): Promise<Record<string, Float32Array>> {
  const bytes = new Uint8Array(await (await fetch(`${hub.url}/hw-test/${model}/resolve/main/model.safetensors`)).arrayBuffer());
  const header = parseSafetensorsHeader(bytes);
  const weights: Record<string, Float32Array> = {};
  for (const [name, e] of header.tensors) weights[legacyName(name)] = toFloat32(e.dtype, bytes.subarray(header.dataStart + e.begin, header.dataStart + e.end));
  return weights;
}

/** One score per row from the pooled [CLS], as multiple choice reads a checkpoint. */
const scorer = pooledClassifier(1);

const inputs = {
  input_ids: [[2, 40, 41, 3, 42, 43, 3], [2, 44, 45, 3, 46, 3, 0]],
  attention_mask: [[1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 0]],
  token_type_ids: [[0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 1, 1, 0]],
};

async function expectReference(model: string, head: CheckpointHead, outputs: Record<string, { data: Float32Array; dims: number[] }>, tolerance: number) {
  const expected = referenceForward(config, head, await referenceWeights(model), {
    inputIds: inputs.input_ids, attentionMask: inputs.attention_mask, tokenTypeIds: inputs.token_type_ids,
  });
  expect(Object.keys(outputs).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, want] of Object.entries(expected)) {
    const got = outputs[name]!;
    expect(got.dims, name).toEqual(want.dims);
    const worst = Math.max(...Array.from(want.data, (v, i) => Math.abs(v - got.data[i]!)));
    expect(worst, `${name}: largest difference from the reference`).toBeLessThan(tolerance);
  }
}

const safetensorsRequests = () => hub.log().filter((e) => e.url.includes('model.safetensors'));

describe('loadCheckpoint', () => {
  it('builds the graph of both pre-training heads from the checkpoint and matches the reference forward pass (fp32)', async () => {
    const deps = depsWith(runtime);
    const { ctx, progress } = loadContext(hub.url, 'hw-test/ckpt-pre');
    const files = await checkpointSource(bothPretrainingHeads, deps).files(ctx);
    const cm = await loadCheckpoint(ctx, bothPretrainingHeads, deps);
    // Header length, header, then every tensor in one request (they lie back to back).
    const ranges = safetensorsRequests().map((e) => `${e.status} ${e.range}`);
    await expectReference('ckpt-pre', bothPretrainingHeads, await cm.run(inputs), 1e-4);

    expect(ranges).toHaveLength(3);
    expect(ranges.slice(0, 2)).toEqual(['206 bytes=0-7', expect.stringMatching(/^206 bytes=8-\d+$/)]);
    const st = files.find((f) => f.file.startsWith('model.safetensors'))!;
    expect(st.file).toBe(`model.safetensors (${weightShapes(config, bothPretrainingHeads).length} tensors)`);
    expect(progress.filter((p) => p.file === st.file).at(-1)).toEqual({ file: st.file, loaded: st.bytes, total: st.bytes });
    // Every file the source lists reports progress under the same name, ending complete (one bar, right total).
    for (const f of files) {
      expect(f.bytes, f.file).toBeGreaterThan(0);
      const last = progress.filter((p) => p.file === f.file).at(-1);
      expect(last, f.file).toEqual({ file: f.file, loaded: f.bytes, total: f.bytes });
    }
    expect(files.map((f) => f.file).slice(0, 3)).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json']);

    expect(cm.provenance).toMatchObject({ model: 'hw-test/ckpt-pre', file: 'model.safetensors', dtype: 'fp32', bytesFetched: st.bytes });
    expect(cm.provenance.headTensors).toContainEqual({ name: 'cls.predictions.transform.LayerNorm.gamma', shape: [32] });
    expect(cm.provenance.headTensors).toContainEqual({ name: 'cls.seq_relationship.weight', shape: [2, 32] });
    expect(cm.facts).toMatchObject({ modelType: 'bert', architectures: ['BertForPreTraining'], hiddenSize: 32, numLayers: 2, hasTokenTypeIds: true, maxLength: 64, sourceModel: 'hw-test/ckpt-pre' });
    expect(cm.vocab[2]).toBe('[CLS]');
    expect(cm.tokenizer.mask_token).toBe('[MASK]');
    await cm.dispose();
  });

  it('fetches only the NSP head it needs, skipping the masked-LM tensors', async () => {
    const deps = depsWith(runtime);
    const cm = await loadCheckpoint(loadContext(hub.url, 'hw-test/ckpt-pre').ctx, nextSentenceHead, deps);
    const asked = safetensorsRequests().slice(2).map((e) => e.range!.match(/(\d+)-(\d+)/)!.slice(1).map(Number) as [number, number]);
    await expectReference('ckpt-pre', nextSentenceHead, await cm.run(inputs), 1e-4);
    const header = parseSafetensorsHeader(new Uint8Array(await (await fetch(`${hub.url}/hw-test/ckpt-pre/resolve/main/model.safetensors`)).arrayBuffer()));
    const needed = [...header.tensors].filter(([n]) => !n.startsWith('cls.predictions'));
    expect(asked).toHaveLength(2);
    const askedBytes = asked.reduce((n, [a, b]) => n + b - a + 1, 0);
    expect(askedBytes).toBe(needed.reduce((n, [, e]) => n + e.end - e.begin, 0));
    for (const [name, e] of [...header.tensors].filter(([n]) => n.startsWith('cls.predictions'))) {
      const at = header.dataStart + e.begin;
      expect(asked.some(([a, b]) => a <= at && at <= b), `${name} must not be fetched`).toBe(false);
    }
    await cm.dispose();
  });

  it('runs a pooled one-score head quantized to q8 close to the float reference', async () => {
    const deps = depsWith(runtime);
    const stages: LoadStage[] = [];
    const cm = await loadCheckpoint({ ...loadContext(hub.url, 'hw-test/ckpt-swag', 'q8').ctx, onStage: (s) => stages.push(s) }, scorer, deps);
    expect(cm.provenance.dtype).toBe('q8');
    // The page is told each stage, in order, with its progress.
    expect([...new Set(stages.map((s) => s.label))]).toEqual([
      'Reading and quantizing tensors',
      'Building the graph',
      'Quantizing activations',
      'Writing the .onnx file',
      'Starting ONNX Runtime on the graph',
    ]);
    const reading = stages.filter((s) => s.label.startsWith('Reading'));
    expect(reading.map((s) => s.done)).toEqual(reading.map((_, i) => i + 1));
    expect(reading.at(-1)!.done).toBe(reading.at(-1)!.total);
    expect(cm.provenance.headTensors.map((t) => t.name)).toEqual(['bert.pooler.dense.weight', 'bert.pooler.dense.bias', 'classifier.weight', 'classifier.bias']);
    await expectReference('ckpt-swag', scorer, await cm.run(inputs), 0.02);
    await cm.dispose();
  });

  it('loads a second time from the cache without a single request, and says it is cached', async () => {
    const first = depsWith(runtime);
    const source = checkpointSource(nextSentenceHead, first);
    const query = { model: 'hw-test/ckpt-pre', host: hub.url, dtype: 'fp32' as const, device: 'wasm' as const };
    expect(await source.cached(query)).toBe(false);
    await (await loadCheckpoint(loadContext(hub.url, 'hw-test/ckpt-pre').ctx, nextSentenceHead, first)).dispose();
    // New deps over the same cache: nothing remembered in memory, everything from the Cache API.
    const second = depsWith(runtime, first.shared);
    hub.resetLog();
    expect(await checkpointSource(nextSentenceHead, second).cached(query)).toBe(true);
    const cm = await loadCheckpoint(loadContext(hub.url, 'hw-test/ckpt-pre').ctx, nextSentenceHead, second);
    expect(hub.log()).toEqual([]);
    await expectReference('ckpt-pre', nextSentenceHead, await cm.run(inputs), 1e-4);
    await cm.dispose();
    // Both pre-training heads on the same checkpoint need only the masked-LM tensors on top.
    hub.resetLog();
    await (await loadCheckpoint(loadContext(hub.url, 'hw-test/ckpt-pre').ctx, bothPretrainingHeads, second)).dispose();
    expect(safetensorsRequests()).toHaveLength(1);
  });
});

describe('the built model', () => {
  it('is kept: a second visit opens the q8 graph it built without reading a tensor, and gives the same answers', async () => {
    const first = depsWith(runtime);
    const cm1 = await loadCheckpoint(loadContext(hub.url, 'hw-test/ckpt-swag', 'q8').ctx, scorer, first);
    const answer = await cm1.run(inputs);
    await cm1.dispose();
    const built = (await first.shared.keys()).map((k) => k.url).filter((u) => u.includes('/built/'));
    // Listed under the model like its other files (Settings counts and clears it there), keyed by the builders and the checkpoint's version.
    expect(built).toEqual([expect.stringMatching(/\/hw-test\/ckpt-swag\/resolve\/main\/built\/[\w-]+\.q8\.onnx\?builders=[0-9a-f]{12}&etag=%22[0-9a-f]{64}%22&size=\d+$/)]);
    const matched: string[] = [];
    const cache = { ...first.shared, match: (url: string) => (matched.push(url), first.shared.match(url)) };
    const second = { ...depsWith(runtime, first.shared), cache: async () => cache };
    hub.resetLog();
    const { ctx, progress } = loadContext(hub.url, 'hw-test/ckpt-swag', 'q8');
    const stages: string[] = [];
    const cm2 = await loadCheckpoint({ ...ctx, onStage: (s) => stages.push(s.label) }, scorer, second);
    expect(stages).toEqual(['Opening the model built on an earlier visit', 'Starting ONNX Runtime on the graph']);
    expect(hub.log()).toEqual([]);
    // The header's two ranges only: the tensors stay in the cache, unread.
    expect(matched.filter((u) => u.includes('?range='))).toHaveLength(2);
    const st = progress.filter((p) => p.file.startsWith('model.safetensors')).at(-1)!;
    expect(st.loaded).toBe(st.total);
    expect((await cm2.run(inputs)).logits.data).toEqual(answer.logits.data);
    await cm2.dispose();
  });

  it('opens on a second visit while the tokenizer is still loading', async () => {
    const first = depsWith(runtime);
    await (await loadCheckpoint(loadContext(hub.url, 'hw-test/ckpt-swag', 'q8').ctx, scorer, first)).dispose();
    const order: string[] = [];
    let sessionAsked = () => {};
    const asked = new Promise<void>((resolve) => (sessionAsked = resolve));
    const second = depsWith({ createSession: (model, device, data) => (order.push('session'), sessionAsked(), runtime.createSession(model, device, data)) }, first.shared);
    // The tokenizer's file is held back until ONNX Runtime has been asked for the session: a load
    // that waited for the tokenizer first would never finish.
    env.customCache = {
      ...first.shared,
      match: async (url: string) => {
        if (String(url).endsWith('/tokenizer.json')) await asked.then(() => order.push('tokenizer.json'));
        return first.shared.match(url);
      },
    } as unknown as typeof env.customCache;
    const cm = await loadCheckpoint(loadContext(hub.url, 'hw-test/ckpt-swag', 'q8').ctx, scorer, second);
    expect([...new Set(order)]).toEqual(['session', 'tokenizer.json']);
    expect(cm.tokenizer.mask_token).toBe('[MASK]');
    await cm.dispose();
  });
});

describe('checkpoint errors', () => {
  it('names the missing tensor before fetching any weights', async () => {
    const deps = depsWith(runtime);
    const error = await checkpointSource(nextSentenceHead, deps).availableDtypes({ model: 'hw-test/ckpt-no-nsp', host: hub.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toMatch(/has no tensor cls\.seq_relationship\.weight/);
    expect(safetensorsRequests()).toHaveLength(2); // the header only
    expect(await checkpointSource(bothPretrainingHeads, deps).availableDtypes({ model: 'hw-test/ckpt-pre', host: hub.url })).toEqual(['fp32', 'q8']);
  });

  it('refuses a host that ignores Range, naming the host', async () => {
    const deps = depsWith(runtime);
    const error = await loadCheckpoint(loadContext(hub.url, 'hw-test/no-range-ckpt-pre').ctx, bothPretrainingHeads, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toContain(`The model host ${hub.url} ignores HTTP Range requests`);
    expect(safetensorsRequests().map((e) => e.status)).toEqual([200]);
  });

  it('a checkpoint whose tokenizer cannot be read fails before any tensor is downloaded', async () => {
    const created: unknown[] = [];
    const deps = depsWith({ createSession: (model, device, data) => (created.push(model), runtime.createSession(model, device, data)) });
    await expect(loadCheckpoint(loadContext(hub.url, 'hw-test/ckpt-bad-tokenizer', 'q8').ctx, scorer, deps)).rejects.toThrow();
    expect(safetensorsRequests()).toHaveLength(2); // the header only
    expect(created).toEqual([]);
  });

  it('says when the checkpoint has no model.safetensors', async () => {
    const error = await loadCheckpoint(loadContext(hub.url, 'hw-test/ckpt-no-st').ctx, bothPretrainingHeads, depsWith(runtime)).catch((e: unknown) => e);
    expect((error as EngineError).kind).toBe('not-found');
    expect((error as Error).message).toBe('“hw-test/ckpt-no-st” has no model.safetensors, so its checkpoint cannot be read in the browser. This hat needs a checkpoint saved as safetensors.');
  });
});
