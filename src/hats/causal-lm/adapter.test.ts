import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@huggingface/transformers';
import type { Device } from '@/engine/protocol';
import { madePartial, type LoadedHat, type RunContext } from '@/worker/sdk/testing';
import adapter from './adapter';
import { ENDLESS_PROMPT, GPT2_ID, GPT2_MERGED_ID, GPT2_NO_PAST_ID, greedyCases } from './cases';
import { folders } from './fixture';
import type { CausalOutput } from './output';
import { DEFAULTS, type CausalParams } from './params';

/*
 * The adapter end to end in Node (onnxruntime-node, CPU) on both hand-built GPT-2 fixtures, with
 * and without past key values, fp32 and q8: real tokenizer, real logits, the hat's own decoding
 * loop. The folders are written to a temporary directory, so no `npm run fixtures` is needed.
 */

interface Fs {
  mkdtemp(prefix: string): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
}

let fs: Fs;
let root = '';

beforeAll(async () => {
  fs = (await import(/* @vite-ignore */ 'node:fs/promises' as string)) as Fs;
  const { tmpdir } = (await import(/* @vite-ignore */ 'node:os' as string)) as { tmpdir(): string };
  root = await fs.mkdtemp(`${tmpdir()}/causal-lm-`);
  for (const folder of folders) {
    for (const [name, content] of Object.entries(await folder.files())) {
      const file = `${root}/${folder.id}/${name}`;
      await fs.mkdir(file.slice(0, file.lastIndexOf('/')), { recursive: true });
      await fs.writeFile(file, content);
    }
  }
  env.allowRemoteModels = false;
  env.localModelPath = `${root}/`;
});

afterAll(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

const idle: RunContext = { emit: () => undefined, signal: new AbortController().signal, stopped: () => false };

const variants = [
  { model: GPT2_ID, dtype: 'fp32', cached: true },
  { model: GPT2_ID, dtype: 'q8', cached: true },
  { model: GPT2_NO_PAST_ID, dtype: 'fp32', cached: false },
  { model: GPT2_NO_PAST_ID, dtype: 'q8', cached: false },
  { model: GPT2_MERGED_ID, dtype: 'q8', cached: true },
] as const;

describe.each(variants)('$model ($dtype)', ({ model, dtype, cached }) => {
  let hat: LoadedHat;
  const generate = async (p: Partial<CausalParams>, ctx = idle) => (await hat.run({ ...DEFAULTS, ...p }, ctx)).output as CausalOutput;

  beforeAll(async () => {
    hat = await adapter.load({ model, host: '', device: 'cpu' as Device, dtype, onProgress: () => undefined });
  });
  afterAll(async () => {
    await hat?.dispose();
  });

  it.each(greedyCases)('greedy: “$prompt” → “$continuation”', async ({ prompt, continuation, finish }) => {
    const out = await generate({ text: prompt });
    expect(out.generated).toBe(continuation);
    expect(out.finish).toBe(finish);
    expect(out.cached).toBe(cached);
    expect(out.steps.at(-1)).toMatchObject({ text: '<|endoftext|>', end: true });
    const first = out.steps[0]!;
    expect(first.candidates[0]!.id).toBe(first.id);
    expect(first.candidates[0]!.raw).toBeGreaterThan(0.9);
    expect(first.candidates[0]!.final).toBe(1);
    if (prompt === '') expect(out.notes.join(' ')).toContain('starts from its start token <|endoftext|>');
  });

  it('stops after max_new_tokens on a prompt that never ends, and streams partials', async () => {
    const partials: CausalOutput[] = [];
    const out = await generate({ text: ENDLESS_PROMPT, max_new_tokens: 6 }, { ...idle, emit: (p) => void partials.push(madePartial(p) as CausalOutput) });
    expect(out.generated).toBe(' purr'.repeat(6));
    expect(out.finish).toBe('length');
    // The first token streams at once; every later partial is longer than the one before.
    expect(partials[0]!.steps).toHaveLength(1);
    expect(partials[0]!.generated).toBe(' purr');
    expect(partials[0]!.finish).toBeUndefined();
    const lengths = partials.map((p) => p.steps.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it('a stop keeps the partial text', async () => {
    const stop = new AbortController();
    // Stop as soon as the first token has streamed in.
    const emit = () => stop.abort();
    const out = await generate({ text: ENDLESS_PROMPT, max_new_tokens: 200 }, { emit, signal: stop.signal, stopped: () => true });
    expect(out.finish).toBe('stopped');
    expect(out.generated).toBe(' purr');
  });

  it('seeded sampling repeats itself and follows the seed', async () => {
    const texts = async (seed: number) => (await generate({ text: 'a', temperature: 1, seed, max_new_tokens: 3 })).generated;
    const [a, b] = [await texts(42), await texts(42)];
    expect(a).toBe(b);
    expect(a).toMatch(/^ (cat|dog|cow|bird) sat on$/);
    const animals = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) animals.add((await texts(seed)).split(' ')[1]!);
    expect(animals.size).toBeGreaterThan(1);
    const out = await generate({ text: 'a', temperature: 1, seed: 42, max_new_tokens: 1 });
    expect(out.steps[0]!.kept).toBe(50); // top-k 50 of the whole vocabulary
    expect(out.steps[0]!.candidates.slice(0, 4).every((c) => c.raw > 0.2 && c.raw < 0.3)).toBe(true);
  });

  it('keeps the end of a prompt too long for the window, and says so', async () => {
    const long = `${'miya '.repeat(1100)}the cat`;
    const out = await generate({ text: long, max_new_tokens: 24 });
    expect(out.promptTokens).toBe(1000);
    expect(out.notes.join(' ')).toContain('reads only the last 1000');
    expect(out.generated).toBe(' sat on the mat.');
  });

  it('clamps settings out of range, with a note', async () => {
    const out = await generate({ text: 'the cat', max_new_tokens: 999, temperature: -3 });
    expect(out.settings).toMatchObject({ max_new_tokens: 256, temperature: 0 });
    expect(out.notes).toHaveLength(2);
    expect(out.generated).toBe(' sat on the mat.');
  });
});
