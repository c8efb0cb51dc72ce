import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../test-hub/hub.ts';
import { MANIFEST, pack, PackError, parseCli } from './pack.ts';

/*
 * A Hub of our own (scripts/test-hub on a random port) over a few hand-made model folders: the pack
 * reads only listings, config.json and bytes, so the weights need not be real ONNX.
 */
const CONFIG = JSON.stringify({ model_type: 'bert', architectures: ['BertForMaskedLM'], hidden_size: 32 });
const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));

const MODELS: Record<string, Record<string, Buffer | string>> = {
  'org/onnx-model': {
    'config.json': CONFIG,
    'tokenizer.json': '{"model":{}}',
    'tokenizer_config.json': '{}',
    'special_tokens_map.json': '{}',
    'vocab.txt': 'a\nb\n',
    'onnx/model.onnx': bytes(3000, 1),
    'onnx/model_quantized.onnx': bytes(1200, 2),
    'onnx/model_fp16.onnx': bytes(1500, 3),
  },
  'org/checkpoint': {
    'config.json': CONFIG,
    'tokenizer.json': '{"model":{}}',
    'tokenizer_config.json': '{}',
    'model.safetensors': bytes(5000, 4),
    'pytorch_model.bin': bytes(5000, 5),
  },
  'org/nothing-to-run': { 'config.json': CONFIG, 'README.md': 'weights elsewhere' },
  'org/garbage-config': { 'config.json': '{"model_type": "bert", oops', 'onnx/model.onnx': bytes(100, 6) },
};

let root: string;
let hub: TestHub;
let work: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hw-pack-hub-'));
  for (const [id, files] of Object.entries(MODELS)) {
    for (const [file, body] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, id, file)), { recursive: true });
      await writeFile(path.join(root, id, file), body);
    }
  }
  // fail-halfway-<name> serves <name> but cuts .onnx bodies in half (see scripts/test-hub/hub.ts).
  hub = await createTestHub({ root });
  work = await mkdtemp(path.join(tmpdir(), 'hw-pack-out-'));
});

afterAll(async () => {
  await hub.close();
  await rm(root, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

async function tree(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return all.filter((d) => d.isFile()).map((d) => path.relative(dir, path.join(d.parentPath, d.name))).sort();
}

const packError = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PackError);
  return (error as PackError).message;
};

describe('pack', () => {
  it('writes what the app fetches, laid out like the Hub, with a summary and a manifest', async () => {
    const out = path.join(work, 'first', 'models');
    const lines: string[] = [];
    const summary = await pack({ models: ['org/onnx-model', 'org/checkpoint'], host: hub.url, out, log: (l) => lines.push(l) });

    expect(await tree(out)).toEqual([
      MANIFEST,
      'org/checkpoint/resolve/main/config.json',
      'org/checkpoint/resolve/main/model.safetensors',
      'org/checkpoint/resolve/main/tokenizer.json',
      'org/checkpoint/resolve/main/tokenizer_config.json',
      'org/onnx-model/resolve/main/config.json',
      'org/onnx-model/resolve/main/onnx/model_quantized.onnx',
      'org/onnx-model/resolve/main/special_tokens_map.json',
      'org/onnx-model/resolve/main/tokenizer.json',
      'org/onnx-model/resolve/main/tokenizer_config.json',
    ]);
    const packed = await readFile(path.join(out, 'org/onnx-model/resolve/main/onnx/model_quantized.onnx'));
    expect(packed.equals(MODELS['org/onnx-model']!['onnx/model_quantized.onnx'] as Buffer)).toBe(true);
    expect(summary.models.map((m) => [m.id, m.dtypes, m.weights])).toEqual([
      ['org/onnx-model', ['q8'], ['onnx']],
      ['org/checkpoint', [], ['safetensors']],
    ]);
    expect(summary.files).toBe(9);
    expect(summary.bytes).toBe(1200 + 5000 + CONFIG.length * 2 + 12 * 2 + 2 * 3);
    expect(lines[0]).toBe('org/onnx-model (q8)');

    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as { models: Record<string, { host: string; files: unknown[] }> };
    expect(Object.keys(manifest.models)).toEqual(['org/onnx-model', 'org/checkpoint']);
    expect(manifest.models['org/checkpoint']!.host).toBe(hub.url);
    // Nothing but the pack is left next to it (the temporary folder is gone).
    expect(await readdir(path.dirname(out))).toEqual(['models']);
  });

  it('adds dtypes and models to an existing pack, keeping what was there', async () => {
    const out = path.join(work, 'grow');
    await pack({ models: ['org/checkpoint'], host: hub.url, out });
    await pack({ models: ['org/onnx-model'], host: hub.url, out, dtypes: ['fp32', 'fp16'] });
    const files = await tree(out);
    expect(files).toContain('org/checkpoint/resolve/main/model.safetensors');
    expect(files).toContain('org/onnx-model/resolve/main/onnx/model.onnx');
    expect(files).toContain('org/onnx-model/resolve/main/onnx/model_fp16.onnx');
    expect(files).not.toContain('org/onnx-model/resolve/main/onnx/model_quantized.onnx');
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as { models: Record<string, { dtypes: string[] }> };
    expect(manifest.models['org/onnx-model']!.dtypes).toEqual(['fp32', 'fp16']);
    expect(Object.keys(manifest.models).sort()).toEqual(['org/checkpoint', 'org/onnx-model']);
  });

  it('names every id that does not exist and writes nothing, not even the good ones', async () => {
    const out = path.join(work, 'bad-ids');
    const message = await packError(pack({ models: ['org/onnx-model', 'org/no-such-model', 'no-slash'], host: hub.url, out }));
    expect(message).toContain('“org/no-such-model” does not exist');
    expect(message).toContain('“no-slash” is not a model id');
    expect(await readdir(work)).not.toContain('bad-ids');
  });

  it('says which dtypes a model has when the one asked for is missing, and when a model has nothing to run', async () => {
    const out = path.join(work, 'bad-dtype');
    expect(await packError(pack({ models: ['org/onnx-model'], host: hub.url, out, dtypes: ['q4'] }))).toBe(
      '“org/onnx-model” has no q4 ONNX weights; it has fp32, fp16, q8.',
    );
    expect(await packError(pack({ models: ['org/nothing-to-run'], host: hub.url, out }))).toContain('has neither ONNX weights');
    expect(await packError(pack({ models: ['org/checkpoint'], host: hub.url, out, weights: 'onnx' }))).toContain('has no ONNX export');
    expect(await readdir(work)).not.toContain('bad-dtype');
  });

  it('a download that keeps breaking half-way leaves an existing pack exactly as it was', async () => {
    const out = path.join(work, 'broken');
    await pack({ models: ['org/checkpoint'], host: hub.url, out });
    const before = await tree(out);
    const manifest = await readFile(path.join(out, MANIFEST), 'utf8');
    const message = await packError(pack({ models: ['org/fail-halfway-onnx-model'], host: hub.url, out }));
    expect(message).toMatch(/onnx\/model_quantized\.onnx of “org\/fail-halfway-onnx-model” kept failing \(3 tries\)/);
    expect(await tree(out)).toEqual(before);
    expect(await readFile(path.join(out, MANIFEST), 'utf8')).toBe(manifest);
    expect((await readdir(work)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('reads its options from the command line', () => {
    expect(parseCli(['--dtype', 'q8,fp16', '--dtype', 'fp32', '--out', 'x', 'a/b', 'c/d'])).toMatchObject({
      models: ['a/b', 'c/d'],
      dtypes: ['q8', 'fp16', 'fp32'],
      out: 'x',
      weights: 'auto',
      host: 'https://huggingface.co',
    });
    expect(() => parseCli(['--dtype', 'q3', 'a/b'])).toThrow('--dtype q3 is not one of');
    expect(() => parseCli(['--weights', 'pt', 'a/b'])).toThrow('--weights pt is not one of');
    expect(() => parseCli(['--host', 'ftp://x', 'a/b'])).toThrow('must be an http:// or https:// address');
  });
});

describe('npm run pack on a hostile host', () => {
  it('prints one plain line per model that failed, no stack trace, exits 1 and writes nothing', async () => {
    const out = path.join(work, 'hostile');
    const run = promisify(execFile)(
      'npx',
      ['tsx', '--tsconfig', 'tsconfig.node.json', 'scripts/pack/pack.ts', '--host', hub.url, '--out', out, 'org/garbage-config', 'org/status-500-onnx-model', 'org/redirect-onnx-model'],
      { timeout: 60_000 },
    );
    const failed = (await run.catch((e: unknown) => e)) as { code: number; stderr: string; stdout: string };
    expect(failed.code).toBe(1);
    const lines = failed.stderr.trim().split('\n');
    expect(lines).toEqual([
      'pack: nothing was written.',
      expect.stringMatching(/^“org\/garbage-config”: the host sent a file that is not valid JSON/),
      expect.stringMatching(/^“org\/status-500-onnx-model”: .*500/),
      expect.stringMatching(/^“org\/redirect-onnx-model”: the connection failed \(ECONNREFUSED/),
    ]);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(await tree(out)).toEqual([]);
  });
});
