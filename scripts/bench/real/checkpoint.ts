import type { Page } from '@playwright/test';
import { appRun, median, shareQuery, waitReady } from '../app-page';
import { offlineCopyKept, openApp, profileContext, settleDisk, type RealBench } from './context';
import { watchRenderers } from './memory';
import { CHECKPOINT_ID, words } from './models';
import { inPairs } from './pairs';

export interface CheckpointFigures {
  /** Per cold load: from the last checkpoint byte arriving to the hat being ready. */
  readyMs: number[];
  /** Per cold load: from opening the page to ready, download included. */
  coldMs: number[];
  /** Per reload (a new page in the same browser profile, once its service worker has kept the app): from opening the page to ready. */
  reloadMs: number[];
  /** Per cold load: the page's renderer's high-water mark, and the sampled sum over renderers. */
  peakMb: number[];
  sampledMb: number[];
  /** Median warm run at 128 tokens, q8 and fp32. */
  q8Ms: number;
  fp32Ms: number;
  /** q8 ÷ fp32: the median of each pair's ratio (a pair's two runs back to back). */
  ratio: number;
}

/** [CLS] A [SEP] B [SEP] with 62 + 63 one-token words: 128 tokens. */
const SENTENCE_A = words(62, 0);
const sentenceB = (variant: number) => words(63, variant);
const params = (dtype: string) => ({ model: CHECKPOINT_ID, dtype, sentence_a: SENTENCE_A, sentence_b: sentenceB(0) });
const HAT = 'next-sentence-prediction';

/** When the worker's last request for model.safetensors finished, by the bench's clock. */
function watchDownload(page: Page): () => number {
  let last = NaN;
  page.on('requestfinished', (request) => {
    if (request.url().includes('/model.safetensors')) last = Date.now();
  });
  return () => last;
}

/** A hat opened from a share link: which, and its parameters (model and dtype among them). */
export interface HatLink {
  hat: string;
  params: Record<string, string>;
}

export async function coldLoad(b: RealBench, link: HatLink): Promise<{ page: Page; ready: number; cold: number; peak: number; sampled: number }> {
  const context = await profileContext();
  const memory = watchRenderers();
  // A profile's browser opens with a blank page: the app opens in it, so no second renderer is counted.
  const page = context.pages()[0] ?? (await context.newPage());
  const downloaded = watchDownload(page);
  const opened = Date.now();
  await page.goto(`${b.app}?${shareQuery(link.hat, { device: 'wasm', ...link.params })}`);
  await waitReady(page);
  const ready = Date.now();
  const { peakMb, sampledSumMb } = memory.stop();
  if (Number.isNaN(downloaded())) throw new Error('bench: saw no request for model.safetensors');
  return { page, ready: ready - downloaded(), cold: ready - opened, peak: peakMb, sampled: sampledSumMb };
}

/**
 * A second visit: a new page in the same browser profile, once the first visit's service worker has
 * kept the app, so the Cache API, the HTTP cache and Chrome's compiled code hold what the first one left.
 */
export async function reload(b: RealBench, previous: Page, link: HatLink): Promise<{ page: Page; ms: number }> {
  const context = previous.context();
  await offlineCopyKept(previous);
  await previous.close();
  settleDisk();
  const opened = Date.now();
  const page = await openApp(b, context, link.hat, link.params);
  return { page, ms: Date.now() - opened };
}

/**
 * Next-sentence prediction on a 440 MB BERT-base model.safetensors: cold loads (each in a new browser
 * profile, memory watched), a reload after each, then q8 against fp32 at 128 tokens in `pairs` pairs of
 * warm runs, the fp32 page opened beside the last reload's q8 one (the same student trying the other dtype).
 */
export async function benchCheckpoint(b: RealBench, loads: number, pairs: number): Promise<CheckpointFigures> {
  const f: CheckpointFigures = { readyMs: [], coldMs: [], reloadMs: [], peakMb: [], sampledMb: [], q8Ms: NaN, fp32Ms: NaN, ratio: NaN };
  let q8: Page | undefined;
  for (let i = 0; i < loads; i++) {
    await q8?.context().close();
    const link = { hat: HAT, params: params('q8') };
    const cold = await coldLoad(b, link);
    f.readyMs.push(cold.ready);
    f.coldMs.push(cold.cold);
    f.peakMb.push(cold.peak);
    f.sampledMb.push(cold.sampled);
    const second = await reload(b, cold.page, link);
    f.reloadMs.push(second.ms);
    q8 = second.page;
    b.log(`bench: checkpoint load ${i + 1}/${loads}: ready ${cold.ready} ms after the download (${cold.cold} ms in all), peak ${Math.round(cold.peak)} MB; reload ${second.ms} ms`);
  }
  const fp32 = await openApp(b, q8!.context(), HAT, params('fp32'));
  settleDisk();
  const run = (page: Page) => async (i: number) => (await appRun(page, 'Sentence B', sentenceB(i + 1))).ms;
  const runs = await inPairs(pairs, run(q8!), run(fp32));
  b.log(`bench: checkpoint warm runs at 128 tokens, in pairs: q8 ${runs.a.map(Math.round).join(' ')} ms, fp32 ${runs.b.map(Math.round).join(' ')} ms`);
  f.q8Ms = median(runs.a);
  f.fp32Ms = median(runs.b);
  f.ratio = runs.ratio;
  await q8!.context().close();
  return f;
}
