import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import LZString from 'lz-string';
import type { Locator, Page } from '@playwright/test';
import { HUNGRY_CAT } from '../src/hats/multiple-choice/cases.ts';
import { SAME_TOPIC } from '../src/hats/next-sentence-prediction/cases.ts';
import { CAT_SAYS } from '../src/hats/pretraining/cases.ts';
import { DOG } from '../src/hats/question-answering/cases.ts';
import { expect, gotoHat, HUB_URL, test, waitForHatStatus, type HatParams } from './support/test.ts';

/*
 * Every model the hats list, as its replica (npm run fixtures: tiny weights under the real repo's
 * id, with its file names and recorded small files), opened in the page from a share link. One page
 * per hat: the first model comes from the link, the others are picked in the Model menu, so ONNX
 * Runtime starts once per hat. For each model the page must answer, and the JavaScript snippet it
 * shows, run in Node as pasted (the test hub as host), must print the answer the page shows.
 */

interface ManifestEntry {
  role?: string;
  usedBy?: string[];
}
const manifest = JSON.parse(readFileSync(new URL('../fixtures/hub-replicas/manifest.json', import.meta.url), 'utf8')) as { models: Record<string, ManifestEntry> };
const byHat = new Map<string, string[]>();
for (const [id, e] of Object.entries(manifest.models)) for (const hat of e.usedBy ?? []) byHat.set(hat, [...(byHat.get(hat) ?? []), id]);

/** A head the custom-head hat can wear on any 32-wide replica encoder: fixed float16 weights, two labels. */
function customHeadLink(): string {
  const half = (values: number[]) => {
    const out = Buffer.alloc(2 * values.length);
    // Multiples of 1/8 in [−1, 1] are exact in float16: sign, exponent and the top mantissa bits.
    values.forEach((v, i) => {
      const f = new Float32Array([v]);
      const bits = new Uint32Array(f.buffer)[0]!;
      const exp = ((bits >>> 23) & 0xff) - 127 + 15;
      out.writeUInt16LE(v === 0 ? 0 : ((bits >>> 16) & 0x8000) | (exp << 10) | ((bits >>> 13) & 0x3ff), 2 * i);
    });
    return out.toString('base64');
  };
  const w = Array.from({ length: 64 }, (_, i) => (((i * 37) % 17) - 8) / 8);
  return LZString.compressToEncodedURIComponent(
    JSON.stringify({
      format: 'hat-wardrobe/custom-head',
      version: 1,
      task: 'classification',
      labels: ['sleepy', 'playful'],
      encoder: { model: 'Xenova/all-MiniLM-L6-v2', pooling: 'mean', normalize: true, hiddenSize: 32 },
      layers: [{ in: 32, out: 2, w: half(w), b: half([0.125, 0]) }],
    }),
  );
}

/** The word the pretraining replicas are built to put at the mask of “the cat says [MASK] .”. */
const MEOW = CAT_SAYS.expected.tokens[0]!;

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');
/** A vocabulary entry as a word: without WordPiece's "##", byte-level BPE's "Ġ" or SentencePiece's "▁". */
const word = (s: string) => s.trim().replace(/^(##|Ġ|▁)/, '');
const firstLine = (out: string) => out.trim().split('\n')[0] ?? '';

interface HatCheck {
  params?: HatParams;
  /** What the page answers, as text. */
  answer(page: Page): Promise<string>;
  /** The snippet's printout → the same answer; undefined: the hat has no JavaScript snippet to run. */
  printed?(stdout: string): string;
  /** The page's answer as the snippet prints it (default: as it is). */
  expected?(answer: string): string;
  /** The printout holds the answer among other text (a continuation printed after its prompt). */
  within?: boolean;
  /** Files the snippet reads next to itself. */
  files?(page: Page): Promise<Record<string, string>>;
  /** Replicas wearing a hat's hand-set test weights, and the answer those weights are built to give. */
  known?: Record<string, string>;
}

const output = (page: Page) => page.getByTestId('hat-output');
const text = async (page: Page, id: string) => {
  await expect(output(page).getByTestId(id).first()).toBeAttached();
  return (await output(page).getByTestId(id).first().textContent()) ?? '';
};
/** The texts of a list in the output, once the output shows it (or says it is empty). */
async function texts(list: Locator, empty?: Locator): Promise<string[]> {
  await expect(empty ? list.first().or(empty) : list.first()).toBeVisible();
  return list.allInnerTexts();
}

const CHECKS: Record<string, HatCheck> = {
  'sequence-classification': { answer: (page) => text(page, 'top-label'), printed: (out) => firstLine(out).split(' ')[0]! },
  'masked-lm': {
    params: { text: CAT_SAYS.sentence_a },
    known: { 'Xenova/bert-base-uncased': MEOW, 'Xenova/bert-base-multilingual-uncased': MEOW },
    answer: async (page) => word((await texts(output(page).getByTestId('mask-predictions').first().getByTestId('bar-row').getByRole('rowheader')))[0] ?? ''),
    printed: (out) => word(firstLine(out).replace(/^mask 1:\s*/, '').split(' ')[0]!),
  },
  'question-answering': {
    // The hand-set replicas know this one (park); with the default passage every span of theirs scores about 0.
    params: { question: DOG.question, context: DOG.context },
    known: { 'Xenova/distilbert-base-cased-distilled-squad': DOG.expected.answer, 'Xenova/distilbert-base-uncased-distilled-squad': DOG.expected.answer },
    // The best span, also when the model's "no answer" score beats it (the page still shows it, in the table).
    answer: async (page) => (await texts(output(page).getByTestId('bar-row').getByRole('rowheader'))).find((t) => t !== '[no answer]') ?? '',
    printed: (out) => squash(firstLine(out).replace(/\s\S+$/, '')),
    expected: squash,
  },
  'token-classification': {
    answer: async (page) => (await texts(output(page).getByTestId('entity-label'), output(page).getByTestId('no-entities'))).join(' ') || 'none',
    expected: (a) => (a === 'none' ? '' : a),
    printed: (out) => out.trim().split('\n').filter(Boolean).map((l) => l.split(' ')[0]).join(' '),
  },
  'base-model': {
    answer: async (page) => (await text(page, 'sentence-vector')).replace(/^.*?\[/, '').split(',').slice(0, 3).map((x) => Number(x).toFixed(2)).join(' '),
    printed: (out) => (/text mean: (.*)/.exec(out)?.[1] ?? '').split(',').slice(0, 3).map((x) => Number(x).toFixed(2)).join(' '),
  },
  'causal-lm': { answer: (page) => text(page, 'generated-text'), printed: squash, expected: squash, within: true },
  'seq2seq-lm': { answer: (page) => text(page, 'generated-text'), printed: (out) => squash(out.trim().split('\n').at(-1) ?? ''), expected: squash },
  'custom-head': {
    params: { head: customHeadLink() },
    answer: (page) => text(page, 'prediction'),
    printed: (out) => firstLine(out).split(' ')[0]!,
    async files(page) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export head (JSON)' }).click();
      return { 'custom-head.json': readFileSync((await (await download).path())!, 'utf8') };
    },
  },
  // The checkpoint hats on their default repos, whose real tokenizer_config.json names no special token.
  'multiple-choice': {
    params: { context: HUNGRY_CAT.context, choice: HUNGRY_CAT.choices },
    answer: (page) => text(page, 'best-choice'),
    known: { 'stefandi/bert-base-uncased-finetuned-swag': HUNGRY_CAT.choices[HUNGRY_CAT.expected.index]! },
  },
  'next-sentence-prediction': {
    params: { sentence_a: SAME_TOPIC.sentence_a, sentence_b: SAME_TOPIC.sentence_b },
    answer: (page) => text(page, 'nsp-verdict'),
    known: { 'google-bert/bert-base-uncased': SAME_TOPIC.expected.label, 'google-bert/bert-base-cased': SAME_TOPIC.expected.label },
  },
  pretraining: {
    params: { sentence_a: CAT_SAYS.sentence_a, sentence_b: CAT_SAYS.sentence_b, labels: MEOW, is_next: 'true' },
    answer: (page) => text(page, 'mlm-top'),
    known: { 'google-bert/bert-base-uncased': MEOW, 'google-bert/bert-base-cased': MEOW },
  },
  'masked-image-modeling': { answer: (page) => text(page, 'mim-mse') },
};

/** Runs a snippet with Node as pasted, the test hub as its host; returns what it printed. */
function runSnippet(code: string, dir: string, files: Record<string, string>): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  // Imports run first, so the host (and a cache of this run's own) are set before the snippet loads anything.
  const harness = `import { env as testEnv } from '@huggingface/transformers';\ntestEnv.remoteHost = ${JSON.stringify(`${HUB_URL}/`)};\ntestEnv.cacheDir = ${JSON.stringify(path.join(dir, '.cache'))};\n`;
  writeFileSync(path.join(dir, 'snippet.mjs'), harness + code);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['snippet.mjs'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`the snippet exited with ${code}:\n${stderr.slice(-2000)}`))));
  });
}

const snippet = (page: Page) => page.getByRole('button', { name: 'Copy JavaScript' }).locator('xpath=ancestor::figure').locator('code').innerText();

/**
 * One model, already chosen in the page: it loads and answers. Returns the check of its JavaScript
 * snippet, already running in Node, so the page can move on to the next model meanwhile.
 */
async function checkModel(page: Page, check: HatCheck, model: string, dir: string): Promise<Promise<void>> {
  await expect(page.getByTestId('model-status')).toContainText(`Ready: ${model} on`, { timeout: 40_000 });
  await waitForHatStatus(page, 'ready');
  const answer = (await check.answer(page)).trim();
  expect(answer, `${model}: the page's answer`).not.toBe('');
  expect(answer, `${model}: the answer its hand-set weights give`).toBe(check.known?.[model] ?? answer);
  const code = await snippet(page);
  if (!check.printed) {
    expect(code).toContain('There is no standalone JavaScript equivalent');
    return Promise.resolve();
  }
  expect(code).toContain(JSON.stringify(model));
  const { printed, expected = (a: string) => a, within } = check;
  const run = runSnippet(code, dir, (await check.files?.(page)) ?? {});
  return run.then((out) => {
    const message = `${model}: the snippet printed\n${out}`;
    if (within) expect(printed(out), message).toContain(expected(answer));
    else expect(printed(out), message).toBe(expected(answer));
  });
}

for (const [hat, models] of byHat) {
  const check = CHECKS[hat];

  test(`${hat}: ${models.join(', ')} load from the Hub's file layout, answer, and the page's JavaScript prints the same`, async ({ page }, testInfo) => {
    expect(check, `e2e/replicas.spec.ts has a check for the ${hat} hat`).toBeDefined();
    test.setTimeout(30_000 + models.length * 45_000);
    const [first, ...others] = models;
    const dir = (model: string) => testInfo.outputPath(model.replace('/', '--'));
    await gotoHat(page, { hat, model: first!, ...check!.params });
    const snippets = [await checkModel(page, check!, first!, dir(first!))];
    for (const model of others) {
      await page.getByLabel('Model', { exact: true }).selectOption(model);
      snippets.push(await checkModel(page, check!, model, dir(model)));
    }
    await Promise.all(snippets);
  });
}
