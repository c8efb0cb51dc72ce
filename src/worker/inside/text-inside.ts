import type { InsideView } from '@/lib/inside';
import type { AdapterLoadContext } from '../adapter';
import { encode, type EncodeOptions, type TextModel } from '../text-model';
import { encoderInside } from './encoder-inside';

/**
 * Inside for a hat that runs a transformers.js export: the panel tokenizes exactly as the hat's run
 * does (encode: same window, same pair layout and segment ids), then looks inside the checkpoint.
 */
export function textInside<P>(
  ctx: AdapterLoadContext,
  tm: TextModel,
  options: { input(params: P): EncodeOptions; views: readonly InsideView[]; focus?(ids: number[]): number },
) {
  return encoderInside<P>(ctx, {
    vocab: tm.vocab,
    views: options.views,
    focus: options.focus,
    encode(params) {
      const { ids, tokens } = encode(tm, options.input(params));
      return { ids, types: tokens.rows.map((r) => r.typeId ?? 0) };
    },
  });
}
