import { appRun, median, shownThreads } from '../app-page';
import { freshContext, openApp, openBare, wasmBuild, type RealBench } from './context';
import { ENCODER_ID, words } from './models';
import { inPairs } from './pairs';

export const LENGTHS = [16, 128, 512] as const;

export interface EncoderFigures {
  threads: number;
  wasm: 'cpu' | 'webgpu';
  /** Per length: median app and bare milliseconds, and app ÷ bare pair by pair. */
  byLength: { tokens: number; app: number; bare: number; ratio: number }[];
}

/** `tokens` tokens: [CLS], words that are one token each, [SEP]. */
const text = (tokens: number, variant: number) => words(tokens - 2, variant);

/**
 * Sequence classification on BERT-base (q8): the app and bare transformers.js, side by side in the
 * same browser with the same ONNX Runtime build and thread count, their runs taken in `pairs` pairs
 * so that both see the same load on the machine.
 */
export async function benchEncoder(b: RealBench, pairs: number): Promise<EncoderFigures> {
  b.appServer.reset();
  const context = await freshContext(b);
  const app = await openApp(b, context, 'sequence-classification', { model: ENCODER_ID, dtype: 'q8', text: text(16, 0) });
  const threads = await shownThreads(app);
  const wasm = wasmBuild(b.appServer.requests());
  if (!wasm) throw new Error('bench: the app loaded no ONNX Runtime WebAssembly from its own server');
  const bare = await openBare(b, { model: ENCODER_ID, bareClass: 'AutoModelForSequenceClassification', threads, wasm });
  b.log(`bench: encoder loaded (${threads} thread(s), ${wasm} build)`);
  const byLength: EncoderFigures['byLength'] = [];
  for (const tokens of LENGTHS) {
    const input = (i: number) => text(tokens, 100 * tokens + i);
    const runs = await inPairs(
      pairs,
      async (i) => (await appRun(app, 'Text', input(i))).ms,
      (i) => bare.evaluate((t) => window.bare.run(t), input(i)),
    );
    byLength.push({ tokens, app: median(runs.a), bare: median(runs.b), ratio: runs.ratio });
    b.log(`bench: encoder ${tokens} tokens, in pairs: app ${runs.a.map(Math.round).join(' ')} ms, bare ${runs.b.map(Math.round).join(' ')} ms`);
  }
  await context.close();
  await bare.context().close();
  return { threads, wasm, byLength };
}
