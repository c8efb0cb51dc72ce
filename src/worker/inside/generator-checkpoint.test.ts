// @vitest-environment node
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointFile } from '@/lib/onnx/fixture/checkpoint-file';
import { referenceGpt2, gpt2WeightShapes, GPT2_NAMES, type Gpt2Config } from '@/lib/onnx/gpt2';
import { referenceT5, type T5Config } from '@/lib/onnx/t5';
import { parseSafetensorsHeader, toFloat32 } from '@/lib/safetensors';
import { setHost } from '../hub';
import { depsWith, FIXTURES_ROOT, loadContext, nodeRuntime, startHub, type Hub } from '../sdk/testing';
import { inspectGenerator, openGenerator } from './generator-checkpoint';
import { gpt2Architecture, LENS_TOP } from './gpt2-architecture';
import { attentionMap, hiddenStates, lensPositions } from './look';
import { t5Architecture } from './t5-architecture';

/*
 * Looking inside GPT-2 and T5 checkpoints as the worker does (config and header first, tensors by
 * Range, the inside graph built in the page), on the fixtures and the replicas of the default
 * models' parents, against the float64 references on the weights read straight from the file.
 */

let hub: Hub;
let extra: Hub;
let root: string;
let runtime: Awaited<ReturnType<typeof nodeRuntime>>;

function weightsOf(file: string): Record<string, Float32Array> {
  const bytes = new Uint8Array(readFileSync(file));
  const header = parseSafetensorsHeader(bytes);
  const out: Record<string, Float32Array> = {};
  for (const [name, e] of header.tensors) out[name] = toFloat32(e.dtype, bytes.subarray(header.dataStart + e.begin, header.dataStart + e.end));
  return out;
}

const tiny: Gpt2Config = { vocabSize: 12, hiddenSize: 8, numLayers: 2, numHeads: 2, innerSize: 16, maxPositions: 16, layerNormEps: 1e-5 };

beforeAll(async () => {
  runtime = await nodeRuntime();
  hub = await startHub(FIXTURES_ROOT);
  // A checkpoint saved as OpenAI's were: the bare GPT2Model (no transformer. prefix), lm_head tied to wte and not stored.
  root = await mkdtemp(path.join(tmpdir(), 'inside-generators-'));
  const dir = path.join(root, 'hw-test', 'gpt2-bare-layout');
  await mkdir(dir, { recursive: true });
  let seed = 3;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.8;
  const weights = Object.fromEntries(gpt2WeightShapes(tiny).map(([n, s]) => [n.replace(/^transformer\./, ''), Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, next)]));
  const shapes = gpt2WeightShapes(tiny).filter(([n]) => n !== GPT2_NAMES.lmHead).map(([n, s]) => [n.replace(/^transformer\./, ''), s] as const);
  await writeFile(path.join(dir, 'model.safetensors'), checkpointFile(shapes, weights));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ model_type: 'gpt2', vocab_size: 12, n_embd: 8, n_layer: 2, n_head: 2, n_inner: 16, n_positions: 16 }));
  extra = await startHub(root);
});

afterAll(async () => {
  await hub?.close();
  await extra?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const maxDiff = (got: Float32Array, want: number[]) => Math.max(...want.map((v, i) => Math.abs(v - got[i]!)));

/** The tokenizer of the export the hat runs (a parent repo's replica has none of its own). */
function tokenizerOf(repo: string) {
  setHost(hub.url);
  return AutoTokenizer.from_pretrained(repo);
}

async function gpt2Look(host: string, repo: string, ids: number[]) {
  const deps = depsWith(runtime);
  const inspection = await inspectGenerator(gpt2Architecture, host, repo, deps);
  const session = await openGenerator(gpt2Architecture, inspection, loadContext(host, repo).ctx, deps);
  const int64 = (v: number[]) => ({ type: 'int64' as const, data: BigInt64Array.from(v.map(BigInt)), dims: [1, v.length] });
  const out = await session.run({ input_ids: int64(ids), attention_mask: int64(ids.map(() => 1)) });
  await session.release();
  return { inspection, out };
}

describe('looking inside a GPT-2 checkpoint', () => {
  for (const [folder, exported] of [
    ['hw-test/tiny-gpt2', 'hw-test/tiny-gpt2'],
    ['distilbert/distilgpt2', 'Xenova/distilgpt2'],
  ] as const) {
    it(`${folder}: attention, hidden states and lens match the reference; the lens's last layer writes the known next word`, async () => {
      const tokenizer = await tokenizerOf(exported);
      const ids = tokenizer.encode('the cat');
      const { inspection, out } = await gpt2Look(hub.url, folder, ids);
      const c = inspection.config;
      expect(inspection.plan.bytes).toBeGreaterThan(0);
      const want = referenceGpt2(c, weightsOf(path.join(FIXTURES_ROOT, folder, 'model.safetensors')), ids, LENS_TOP);
      const tokens = ids.map((id) => tokenizer.decode([id]));
      const map = attentionMap(out, 'self', '', c.numLayers, tokens, tokens);
      expect(map.heads).toBe(c.numHeads);
      map.layers.forEach((data, l) => expect(maxDiff(data, want.attentions[l]!.flat(2))).toBeLessThan(1e-4));
      hiddenStates(out, '', c.numLayers, tokens).layers.forEach((data, l) => expect(maxDiff(data, want.hidden[l]!.flat())).toBeLessThan(1e-4));
      const lens = lensPositions(out, tokens, (id) => tokenizer.decode([id]));
      expect(lens.map((p) => p.layers.map((g) => g.map((x) => x.token)))).toEqual(ids.map((_, pos) => want.lens.map((layer) => layer[pos]!.ids.map((id) => tokenizer.decode([id])))));
      // The fixture's story: after "the cat" comes " sat" (the last hidden state read by the model's own head).
      expect(lens.at(-1)!.layers.at(-1)![0]!.token).toBe(' sat');
    });
  }

  it('reads a checkpoint without the transformer. prefix whose lm_head is the stored wte', async () => {
    const ids = [1, 5, 7, 2];
    const { inspection, out } = await gpt2Look(extra.url, 'hw-test/gpt2-bare-layout', ids);
    expect(inspection.plan.tensors.find((t) => t.name === GPT2_NAMES.lmHead)?.fileName).toBe('wte.weight');
    const stored = weightsOf(path.join(root, 'hw-test/gpt2-bare-layout/model.safetensors'));
    const named = Object.fromEntries(Object.entries(stored).map(([n, v]) => [/^(h\.|wte|wpe|ln_f)/.test(n) ? `transformer.${n}` : n, v]));
    const want = referenceGpt2(tiny, { ...named, [GPT2_NAMES.lmHead]: named[GPT2_NAMES.wte]! }, ids, LENS_TOP);
    expect(maxDiff(out.logits!.data, want.logits.flat())).toBeLessThan(1e-4);
  });

  it('refuses another architecture by name, before any weight is read', async () => {
    const deps = depsWith(runtime);
    await expect(inspectGenerator(gpt2Architecture, hub.url, 'hw-test/tiny-t5', deps)).rejects.toThrow(/hw-test\/tiny-t5 is a t5 model, and its insides can be rebuilt here only as GPT-2/);
  });
});

describe('looking inside a T5 checkpoint', () => {
  for (const [folder, exported] of [
    ['hw-test/tiny-t5', 'hw-test/tiny-t5'],
    ['google/flan-t5-small', 'Xenova/flan-t5-small'],
  ] as const) {
    it(`${folder}: encoder, decoder and cross-attention and both stacks' hidden states match the reference`, async () => {
      const tokenizer = await tokenizerOf(exported);
      const source = tokenizer.encode('translate English to German: the cat');
      const target = [0, ...tokenizer.encode('die Katze', { add_special_tokens: false })];
      const deps = depsWith(runtime);
      const inspection = await inspectGenerator(t5Architecture, hub.url, folder, deps);
      const session = await openGenerator(t5Architecture, inspection, loadContext(hub.url, folder).ctx, deps);
      const int64 = (v: number[]) => ({ type: 'int64' as const, data: BigInt64Array.from(v.map(BigInt)), dims: [1, v.length] });
      const out = await session.run({ input_ids: int64(source), attention_mask: int64(source.map(() => 1)), decoder_input_ids: int64(target) });
      await session.release();
      const c: T5Config = inspection.config;
      const want = referenceT5(c, weightsOf(path.join(FIXTURES_ROOT, folder, 'model.safetensors')), source, target);
      const s = source.map(String);
      const t = target.map(String);
      for (const [name, stack, wanted] of [
        ['encoder self', 'encoder', want.encoderAttentions],
        ['decoder self', 'decoder', want.decoderAttentions],
        ['cross', 'cross', want.crossAttentions],
      ] as const) {
        const map = attentionMap(out, name, stack, c.numLayers, stack === 'encoder' ? s : t, stack === 'decoder' ? t : s);
        map.layers.forEach((data, l) => expect(maxDiff(data, wanted[l]!.flat(2)), `${name} ${l + 1}`).toBeLessThan(1e-4));
      }
      hiddenStates(out, 'decoder', c.numDecoderLayers, t).layers.forEach((data, l) => expect(maxDiff(data, want.decoderHidden[l]!.flat())).toBeLessThan(1e-4));
      expect(maxDiff(out.logits!.data, want.logits.flat())).toBeLessThan(1e-4);
      if (folder === 'hw-test/tiny-t5') {
        // The fixture's known translation, read off the same weights: <pad> → ▁die → ▁Katze → </s>.
        const v = c.vocabSize;
        const argmax = target.map((_, i) => {
          const row = Array.from(out.logits!.data.subarray(i * v, (i + 1) * v));
          return row.indexOf(Math.max(...row));
        });
        expect(argmax).toEqual([...target.slice(1), 1]);
      }
    });
  }
});
