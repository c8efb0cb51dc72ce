import type { Page } from '@playwright/test';
import { appRun, median, shownThreads } from '../app-page';
import { freshContext, openApp, openBare, wasmBuild, type RealBench } from './context';
import { CLM_ID, words } from './models';

export const NEW_TOKENS = 256;
/*
 * fp32 by default, as the line has always been measured. The q8 export (BENCH_CLM_DTYPE=q8) quantizes
 * activations on the fly as the Hub's do, and writes about as fast: one token a step is a matrix-vector
 * product, where 8-bit weights save memory traffic and the quantizing of each activation gives it back
 * (greedy 68.5 tokens/s, app/bare 0.98, against fp32's 65–77 in the same hour).
 */
export const CLM_DTYPE = process.env.BENCH_CLM_DTYPE ?? 'fp32';
/** Sampling as a person tries it after greedy: temperature 1, no top-k, nucleus 0.9. */
export const TOP_P = { temperature: '1', top_k: '0', top_p: '0.9' };

export interface ClmFigures {
  /** Median tokens per second over the decoding loop. */
  greedy: number;
  topP: number;
  bare: number;
  /**
   * App ÷ bare: the median of each turn's ratio (the app's generation and the bare loop's, taken one
   * after the other), so a machine that speeds up or slows down over the bench moves both sides of a ratio.
   */
  ratio: number;
  /** Top-p ÷ greedy, the median of each turn's ratio in the same way. */
  topPRatio: number;
  /** The bare loop in a worker ÷ the same loop on its page's main thread, turn by turn: what the placement costs. */
  placementRatio: number;
}

export const prompt = (variant: number) => words(8, variant);

/** [1] of benchClm: fresh pages for each side this many times over the turns. */
export const CLM_BLOCKS = Number(process.env.BENCH_REAL_CLM_BLOCKS ?? 3);

/** The worker's milliseconds for one generation of NEW_TOKENS, as the hat reports them. */
export async function appGenerationMs(page: Page, variant: number): Promise<number> {
  const { generation } = await appRun(page, 'Prompt', prompt(variant), 'Generate');
  if (!generation || generation.tokens !== NEW_TOKENS) throw new Error(`bench: the hat wrote ${generation?.tokens ?? 0} tokens, not ${NEW_TOKENS}`);
  return generation.ms;
}

/** The bare loop's milliseconds for one generation of NEW_TOKENS (timed where it runs). */
export const bareGenerationMs = (bare: Page, variant: number): Promise<number> =>
  bare.evaluate(([text, n]) => window.bare.generate(text, n), [prompt(variant), NEW_TOKENS] as const);

/** Tokens per second of one generation. */
const tokensPerSecond = async (ms: Promise<number>) => (NEW_TOKENS * 1000) / (await ms);

/**
 * A distilgpt2-sized causal LM writing 256 tokens: the app greedy and with top-p sampling, and a bare
 * greedy loop over transformers.js with the same build and threads, in a worker as the app's (the
 * judged baseline) and on its page's main thread, runs taken in turns.
 */
export async function benchClm(b: RealBench, blocks = CLM_BLOCKS): Promise<ClmFigures> {
  const base = { model: CLM_ID, dtype: CLM_DTYPE, text: prompt(0), max_new_tokens: String(NEW_TOKENS) };
  const rates = { greedy: [] as number[], topP: [] as number[], bare: [] as number[], bareMain: [] as number[] };
  const warm = { greedy: [] as number[], topP: [] as number[], bare: [] as number[], bareMain: [] as number[] };
  // The bare loops' setup, read from the first block's app page (its threads and ONNX Runtime build).
  let loop: Parameters<typeof openBare>[1] | undefined;
  /*
   * [1] The turns are split into blocks, each with pages of its own: one page's speed against another's
   *     held turn after turn within a run and moved between runs (the bare loop's median 67 in one run and
   *     82 in the next, the app's 68 and 74), so each side is measured in several pages, not one.
   */
  for (let block = 0, turn = 1; block < blocks; block++) {
    const contexts = [await freshContext(b), await freshContext(b)];
    b.appServer.reset();
    const greedy = await openApp(b, contexts[0]!, 'causal-lm', base);
    loop ??= { model: CLM_ID, bareClass: 'AutoModelForCausalLM', dtype: CLM_DTYPE, threads: await shownThreads(greedy), wasm: wasmBuild(b.appServer.requests()) ?? 'cpu' };
    const sampled = await openApp(b, contexts[1]!, 'causal-lm', { ...base, ...TOP_P });
    const bare = await openBare(b, { ...loop, placement: 'worker' });
    const bareMain = await openBare(b, { ...loop, placement: 'main' });
    /*
     * One uncounted generation on each side first: both get faster over their first runs (V8 tiers up
     * ONNX Runtime's WebAssembly and the JavaScript around it; measured 50 -> 75 tokens/s for the bare loop
     * over six runs), so counting them compared two warm-ups, whichever happened to settle sooner.
     */
    const generate = { greedy: (i: number) => appGenerationMs(greedy, i), topP: (i: number) => appGenerationMs(sampled, i), bare: (i: number) => bareGenerationMs(bare, i), bareMain: (i: number) => bareGenerationMs(bareMain, i) };
    for (const side of ['greedy', 'topP', 'bare', 'bareMain'] as const) warm[side].push(await tokensPerSecond(generate[side](0)));
    /*
     * Each ratio's two sides run back to back (top-p and greedy, greedy and the bare loop in a worker, the
     * bare loop in a worker and on the main thread), in one order and then the other, so each side is
     * first as often as second. This machine's speed moves by a fifth within seconds, so ratios of runs
     * taken further apart, or always in the same order, measured the machine as much as the app (with
     * top-p between greedy and the bare loop, seven-turn medians of the same build spread from 0.89 to 0.98).
     */
    for (const last = Math.round((b.runs * (block + 1)) / blocks); turn <= last; turn++) {
      const order = turn % 2 === 1 ? (['topP', 'greedy', 'bare', 'bareMain'] as const) : (['bareMain', 'bare', 'greedy', 'topP'] as const);
      for (const side of order) rates[side].push(await tokensPerSecond(generate[side](turn)));
    }
    for (const c of [...contexts, bare.context(), bareMain.context()]) await c.close();
  }
  const show = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
  b.log(
    `bench: causal LM tokens/s in ${blocks} blocks of pages (uncounted first runs in brackets): greedy [${show(warm.greedy)}] ${show(rates.greedy)}, ` +
      `top-p [${show(warm.topP)}] ${show(rates.topP)}, bare in a worker [${show(warm.bare)}] ${show(rates.bare)}, ` +
      `bare on the main thread [${show(warm.bareMain)}] ${show(rates.bareMain)}`,
  );
  const turns = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));
  return {
    greedy: median(rates.greedy),
    topP: median(rates.topP),
    bare: median(rates.bare),
    ratio: turns(rates.greedy, rates.bare),
    topPRatio: turns(rates.topP, rates.greedy),
    placementRatio: turns(rates.bare, rates.bareMain),
  };
}
