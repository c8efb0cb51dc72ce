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
}

export const prompt = (variant: number) => words(8, variant);

/** The worker's milliseconds for one generation of NEW_TOKENS, as the hat reports them. */
export async function appGenerationMs(page: Page, variant: number): Promise<number> {
  const { generation } = await appRun(page, 'Prompt', prompt(variant), 'Generate');
  if (!generation || generation.tokens !== NEW_TOKENS) throw new Error(`bench: the hat wrote ${generation?.tokens ?? 0} tokens, not ${NEW_TOKENS}`);
  return generation.ms;
}

/** The bare loop's milliseconds for one generation of NEW_TOKENS. */
export const bareGenerationMs = (bare: Page, variant: number): Promise<number> =>
  bare.evaluate(([text, n]) => window.bare.generate(text, n), [prompt(variant), NEW_TOKENS] as const);

/** Tokens per second of one generation. */
const tokensPerSecond = async (ms: Promise<number>) => (NEW_TOKENS * 1000) / (await ms);

/**
 * A distilgpt2-sized causal LM writing 256 tokens: the app greedy and with top-p sampling, and a bare
 * greedy loop over transformers.js with the same build and threads, runs taken in turns.
 */
export async function benchClm(b: RealBench): Promise<ClmFigures> {
  const base = { model: CLM_ID, dtype: CLM_DTYPE, text: prompt(0), max_new_tokens: String(NEW_TOKENS) };
  const contexts = [await freshContext(b), await freshContext(b)];
  b.appServer.reset();
  const greedy = await openApp(b, contexts[0]!, 'causal-lm', base);
  const threads = await shownThreads(greedy);
  const wasm = wasmBuild(b.appServer.requests()) ?? 'cpu';
  const sampled = await openApp(b, contexts[1]!, 'causal-lm', { ...base, ...TOP_P });
  const bare = await openBare(b, { model: CLM_ID, bareClass: 'AutoModelForCausalLM', dtype: CLM_DTYPE, threads, wasm });
  const rates = { greedy: [] as number[], topP: [] as number[], bare: [] as number[] };
  /*
   * One uncounted generation on each side first: both get faster over their first runs (V8 tiers up
   * ONNX Runtime's WebAssembly and the JavaScript around it; measured 50 -> 75 tokens/s for the bare loop
   * over six runs), so counting them compared two warm-ups, whichever happened to settle sooner.
   */
  const warm = { greedy: await tokensPerSecond(appGenerationMs(greedy, 0)), topP: await tokensPerSecond(appGenerationMs(sampled, 0)), bare: await tokensPerSecond(bareGenerationMs(bare, 0)) };
  /*
   * Greedy runs between the other two, top-p on one side and the bare loop on the other, swapping sides
   * every turn: each ratio is of two runs back to back, each side first as often as second. This
   * machine's speed moves by a fifth within seconds, so ratios of runs taken further apart, or always in
   * the same order, measured the machine as much as the app (with top-p between greedy and the bare
   * loop, seven-turn medians of the same build spread from 0.89 to 0.98).
   */
  for (let i = 1; i <= b.runs; i++) {
    const order = i % 2 === 1 ? (['topP', 'greedy', 'bare'] as const) : (['bare', 'greedy', 'topP'] as const);
    for (const side of order) {
      const ms = side === 'bare' ? bareGenerationMs(bare, i) : appGenerationMs(side === 'greedy' ? greedy : sampled, i);
      rates[side].push(await tokensPerSecond(ms));
    }
  }
  const show = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
  b.log(
    `bench: causal LM tokens/s (uncounted first run in brackets): greedy [${show([warm.greedy])}] ${show(rates.greedy)}, ` +
      `top-p [${show([warm.topP])}] ${show(rates.topP)}, bare [${show([warm.bare])}] ${show(rates.bare)}`,
  );
  for (const c of [...contexts, bare.context()]) await c.close();
  const ratio = median(rates.greedy.map((g, i) => g / rates.bare[i]!));
  const topPRatio = median(rates.topP.map((t, i) => t / rates.greedy[i]!));
  return { greedy: median(rates.greedy), topP: median(rates.topP), bare: median(rates.bare), ratio, topPRatio };
}
