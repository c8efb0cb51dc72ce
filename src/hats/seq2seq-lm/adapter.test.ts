import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoModelForSeq2SeqLM, AutoTokenizer, env, Tensor } from '@huggingface/transformers';
import type { Device } from '@/engine/protocol';
import type { LoadedHat } from '@/worker/sdk/testing';
import { writeFolder } from '../../../scripts/fixtures/build';
import adapter, { fitSource } from './adapter';
import { PURR_TEXT, seq2seqCases, T5_ID } from './cases';
import { folders } from './fixture';
import type { Seq2SeqOutput } from './generation';
import { seq2seqDefaults } from './params';

/*
 * The adapter in Node (onnxruntime-node, CPU) on the tiny T5 fixture, written to a temporary
 * folder from fixture.ts: transformers.js opens the two sessions, the hat's own loop decodes.
 * The known outputs, for both dtypes, plus the stop and the length limits.
 */

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hw-t5-'));
  for (const folder of folders) await writeFolder(folder, dir);
  env.allowRemoteModels = false;
  env.localModelPath = dir;
});

const loaded: LoadedHat[] = [];
afterAll(async () => {
  await Promise.all(loaded.map((m) => m.dispose()));
  await rm(dir, { recursive: true, force: true });
});

async function open(dtype: 'fp32' | 'q8') {
  // Node has no WebAssembly device: transformers.js runs onnxruntime-node on the CPU.
  const hat = await adapter.load({ model: T5_ID, host: 'http://127.0.0.1:1', device: 'cpu' as Device, dtype, onProgress: () => undefined });
  loaded.push(hat);
  return hat;
}

const ctx = (signal = new AbortController().signal, emit: (o: unknown) => void = () => undefined) => ({ signal, emit, stopped: () => signal.aborted });

describe.each(['fp32', 'q8'] as const)('tiny T5, %s', (dtype) => {
  it('writes the known outputs, with the encoder tokens and one step per token', async () => {
    const runner = await open(dtype);
    for (const c of seq2seqCases) {
      const { output, tokens } = await runner.run({ ...seq2seqDefaults, text: c.text, task: c.task, max_new_tokens: 20 }, ctx());
      const out = output as Seq2SeqOutput;
      expect(out.text, `${c.task}: ${c.text}`).toBe(c.expected);
      expect(out.finish).toBe('eos');
      expect(out.steps.at(-1)?.token).toBe('</s>');
      expect(out.steps.map((s) => s.token)).toEqual(c.steps);
      // The rule-made tokens are sure; </s> only wins because no rule fires any more.
      for (const s of out.steps.slice(0, -1)) expect(s.prob, `${c.expected}: ${s.token}`).toBeGreaterThan(0.5);
      expect(out.steps.at(-1)!.top[1]!.prob).toBeLessThan(out.steps.at(-1)!.prob);
      expect(out.architecture).toMatchObject({ modelType: 't5', encoderLayers: 1, decoderLayers: 1, heads: 2, usesCache: true });
      expect(out.encoder.tokens.at(-1)?.token).toBe('</s>');
      expect(tokens?.rows.map((r) => r.token)).toEqual(out.encoder.tokens.map((t) => t.token));
    }
  });

  it('marks the preset prefix in the encoder tokens', async () => {
    const runner = await open(dtype);
    const out = (await runner.run({ ...seq2seqDefaults, text: 'the cat', task: 'translate-de', max_new_tokens: 5 }, ctx())).output as Seq2SeqOutput;
    expect(out.encoder.tokens.filter((t) => t.prefix).map((t) => t.token)).toEqual(['▁translate', '▁English', '▁to', '▁German', ':']);
    expect(out.encoder.tokens.filter((t) => !t.prefix).map((t) => t.token)).toEqual(['▁the', '▁cat', '</s>']);
  });

  it('purrs until max_new_tokens, and a stop keeps what was written', async () => {
    const runner = await open(dtype);
    const long = (await runner.run({ ...seq2seqDefaults, text: PURR_TEXT, task: 'instruct', max_new_tokens: 6 }, ctx())).output as Seq2SeqOutput;
    expect(long.finish).toBe('length');
    expect(long.text).toBe('purr purr purr purr purr purr');

    const controller = new AbortController();
    const stop = (o: unknown) => {
      // The first step's partial always goes out (later ones at most every 50 ms): stop there.
      if ((o as Seq2SeqOutput).steps.length === 1) controller.abort();
    };
    const stopped = (await runner.run({ ...seq2seqDefaults, text: PURR_TEXT, task: 'instruct', max_new_tokens: 100 }, ctx(controller.signal, stop))).output as Seq2SeqOutput;
    expect(stopped.finish).toBe('stopped');
    expect(stopped.text).toBe('purr');
    expect(stopped.steps).toHaveLength(1);
  });

  it('truncates a long source to the window and says so', async () => {
    const runner = await open(dtype);
    const text = `${'the mat '.repeat(40)}the cat`;
    const { output, tokens } = await runner.run({ ...seq2seqDefaults, text, task: 'translate-de', max_new_tokens: 5 }, ctx());
    const out = output as Seq2SeqOutput;
    expect(out.encoder.tokens).toHaveLength(64);
    expect(out.encoder.tokens.at(-1)?.token).toBe('</s>');
    expect(tokens?.truncated).toBe(true);
    expect(out.notes.join(' ')).toMatch(/first 64/);
  });
});

describe('bad input', () => {
  it('an empty text is refused in words; an out-of-range limit is clamped with a note', async () => {
    const hat = await open('q8');
    await expect(hat.run({ ...seq2seqDefaults, text: '  ', task: 'summarize', max_new_tokens: 5 }, ctx())).rejects.toThrow(/empty/);
    const out = (await hat.run({ ...seq2seqDefaults, text: 'the cat', task: 'translate-de', max_new_tokens: 100000 }, ctx())).output as Seq2SeqOutput;
    expect(out.text).toBe('die Katze');
    expect(out.maxNewTokens).toBe(512);
    expect(out.notes.join(' ')).toMatch(/100000.*512 is used/);
  });
});

describe('the decoder graph without a cache', () => {
  it('reads several decoder tokens in one call (teacher forcing): one next-token prediction per position', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(T5_ID);
    const model = await AutoModelForSeq2SeqLM.from_pretrained(T5_ID, { dtype: 'fp32', device: 'cpu' });
    try {
      const ids = (values: number[]) => new Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);
      const source = tokenizer.encode('translate English to German: the cat');
      const written = [0, ...tokenizer.encode('die Katze')]; // <pad> ▁die ▁Katze </s>
      const { logits } = (await model.forward({
        input_ids: ids(source),
        attention_mask: ids(source.map(() => 1)),
        decoder_input_ids: ids(written.slice(0, -1)),
      })) as { logits: Tensor };
      const [, steps = 0, vocab = 0] = logits.dims;
      const data = logits.data as Float32Array;
      const argmax = (row: number) => {
        const r = Array.from(data.subarray(row * vocab, (row + 1) * vocab));
        return r.indexOf(Math.max(...r));
      };
      // The fixture's decoder self-attention is zero, so this checks the shapes of the mask and cache path, not masking itself.
      expect(Array.from({ length: steps }, (_, i) => argmax(i))).toEqual(written.slice(1));
    } finally {
      await model.dispose();
    }
  });
});

describe('fitSource', () => {
  it('keeps the closing </s> when it cuts', () => {
    expect(fitSource([5, 6, 7, 8, 1], 3, 1)).toEqual([5, 6, 1]);
    expect(fitSource([5, 6, 1], 3, 1)).toEqual([5, 6, 1]);
  });
});
