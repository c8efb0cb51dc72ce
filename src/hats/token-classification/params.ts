import { changed, collect, textParam, type Parsed } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';
import { STRATEGIES, type Strategy } from './aggregate';

export interface TokenClsParams {
  text: string;
  /** How word pieces and tokens are merged into entities, as the Python pipeline's aggregation_strategy. */
  aggregation: Strategy;
}

function strategyParam(query: URLSearchParams, fallback: Strategy): Parsed<Strategy> {
  const raw = query.get('aggregation');
  if (raw === null) return { value: fallback };
  const value = STRATEGIES.find((s) => s === raw.trim().toLowerCase());
  if (value) return { value };
  return {
    value: fallback,
    notice: `The link's “aggregation” (${raw.slice(0, 20)}) must be one of ${STRATEGIES.join(', ')}; using ${fallback}.`,
  };
}

export const tokenClsCodec: ParamsCodec<TokenClsParams> = {
  defaults: { text: 'Miya the cat naps in Paris while Annabel works at Hugging Face.', aggregation: 'simple' },
  parse(query) {
    const c = collect();
    const params = {
      text: c.take(textParam(query, 'text', this.defaults.text)),
      aggregation: c.take(strategyParam(query, this.defaults.aggregation)),
    };
    return { params, notices: c.notices };
  },
  serialize(p) {
    return changed([
      ['text', p.text, this.defaults.text],
      ['aggregation', p.aggregation, this.defaults.aggregation],
    ]);
  },
};
