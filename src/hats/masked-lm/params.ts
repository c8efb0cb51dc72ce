import { changed, collect, intParam, textParam } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';

export interface MaskedLmParams {
  text: string;
  top_k: number;
}

export const maskedLmCodec: ParamsCodec<MaskedLmParams> = {
  defaults: { text: 'The cat sat on the [MASK] and purred.', top_k: 5 },
  parse(query) {
    const c = collect();
    const params = {
      text: c.take(textParam(query, 'text', this.defaults.text)),
      top_k: c.take(intParam(query, 'top_k', this.defaults.top_k, 1, 20)),
    };
    return { params, notices: c.notices };
  },
  serialize(p) {
    return changed([
      ['text', p.text, this.defaults.text],
      ['top_k', p.top_k, this.defaults.top_k],
    ]);
  },
};
