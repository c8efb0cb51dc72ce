import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@huggingface/transformers';
import type { Device } from '@/engine/protocol';
import { buildBertModel, serializeModel } from '@/lib/onnx';
import type { LoadedHat } from '@/worker/sdk/testing';
import { configJson, specialTokensMap, tokenizerConfig, tokenizerJson } from '../../../scripts/fixtures/hub-files';
import adapter from './adapter';
import { QA_CONTEXT, QA_ID, qaCases } from './cases';
import { qaFixture } from './fixture';
import type { QaOutput } from './postprocess';

/*
 * The adapter end to end in Node (onnxruntime-node, CPU) on the hand-built fixture model: real
 * tokenizer, real logits, the hat's own windows, masking and offsets. The folder is written to a
 * temporary directory from the fixture spec, so the test needs no `npm run fixtures`.
 */

interface Fs {
  mkdtemp(prefix: string): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
}

let fs: Fs;
let root = '';
let hat: LoadedHat;
const signal = new AbortController().signal;

async function ask(question: string, context: string): Promise<QaOutput> {
  return (await hat.run({ question, context }, { emit: () => undefined, signal, stopped: () => false })).output as QaOutput;
}

beforeAll(async () => {
  fs = (await import(/* @vite-ignore */ 'node:fs/promises' as string)) as Fs;
  const { tmpdir } = (await import(/* @vite-ignore */ 'node:os' as string)) as { tmpdir(): string };
  root = await fs.mkdtemp(`${tmpdir()}/qa-adapter-`);
  const dir = `${root}/${QA_ID}`;
  await fs.mkdir(`${dir}/onnx`, { recursive: true });
  await fs.writeFile(`${dir}/config.json`, JSON.stringify(configJson(qaFixture)));
  await fs.writeFile(`${dir}/tokenizer.json`, JSON.stringify(tokenizerJson()));
  await fs.writeFile(`${dir}/tokenizer_config.json`, JSON.stringify(tokenizerConfig(qaFixture)));
  await fs.writeFile(`${dir}/special_tokens_map.json`, JSON.stringify(specialTokensMap()));
  const model = buildBertModel({ config: qaFixture.config, head: qaFixture.head, weights: qaFixture.weights(), doc: QA_ID });
  await fs.writeFile(`${dir}/onnx/model.onnx`, serializeModel(model));
  env.allowRemoteModels = false;
  env.localModelPath = `${root}/`;
  hat = await adapter.load({ model: QA_ID, host: '', device: 'cpu' as Device, dtype: 'fp32', onProgress: () => undefined });
});

afterAll(async () => {
  await hat?.dispose();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe('the question-answering adapter on the fixture model', () => {
  it.each(qaCases)('“$question” → $expected.answer', async ({ question, context, expected, needsWindows }) => {
    const out = await ask(question, context);
    expect(out.context).toBe(context);
    if (expected.answer === null) {
      expect(out.noAnswer).toBe(true);
    } else {
      expect(out.noAnswer).toBe(false);
      expect(out.answers[0]!.text).toMatch(new RegExp(`^(the )?${expected.answer}$`));
      // The offsets point into the context, at the answer.
      expect(context.slice(out.answers[0]!.start, out.answers[0]!.end)).toBe(out.answers[0]!.text);
    }
    if (needsWindows) {
      expect(out.windows.length).toBeGreaterThan(1);
      expect(out.answers[0]!.window).toBeGreaterThan(0);
      expect(out.answers[0]!.start).toBeGreaterThan(context.lastIndexOf('the dog'));
    }
  });

  it('never answers from the question, even when the question holds the answer word', async () => {
    const question = 'is the park where the dog runs ?';
    const out = await ask(question, QA_CONTEXT);
    expect(out.answers.length).toBeGreaterThan(0);
    for (const a of out.answers) expect(QA_CONTEXT.slice(a.start, a.end)).toBe(a.text);
    expect(out.answers[0]!.start).toBe(QA_CONTEXT.indexOf('park'));
  });

  it('reports the window it used for the Tokens view, untruncated', async () => {
    const run = await hat.run({ question: 'where does the dog run ?', context: QA_CONTEXT }, { emit: () => undefined, signal, stopped: () => false });
    const rows = run.tokens!.rows;
    expect(rows[0]).toMatchObject({ token: '[CLS]', special: true });
    expect(rows.filter((r) => r.token === '[SEP]')).toHaveLength(2);
    expect(run.tokens!.truncated).toBe(false);
  });

  it('refuses empty input and overlong questions with a message, not a crash', async () => {
    await expect(ask('  ', QA_CONTEXT)).rejects.toThrow('The question is empty');
    await expect(ask('where ?', '')).rejects.toThrow('The context is empty');
    await expect(ask('the '.repeat(40), QA_CONTEXT)).rejects.toThrow(/keep the question to 32 tokens/);
  });
});
