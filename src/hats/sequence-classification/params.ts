import { changed, collect, textParam } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';

export interface SeqClsParams {
  text: string;
  /** Second sentence for pair models (NLI: premise + hypothesis); empty for single texts. */
  text_pair: string;
}

export const seqClsCodec: ParamsCodec<SeqClsParams> = {
  defaults: { text: 'I love how this wardrobe makes transformers feel simple!', text_pair: '' },
  parse(query) {
    const c = collect();
    const params = {
      text: c.take(textParam(query, 'text', this.defaults.text)),
      text_pair: c.take(textParam(query, 'text_pair', this.defaults.text_pair)),
    };
    return { params, notices: c.notices };
  },
  serialize(p) {
    return changed([
      ['text', p.text, this.defaults.text],
      ['text_pair', p.text_pair, this.defaults.text_pair],
    ]);
  },
};
