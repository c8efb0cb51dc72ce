import { changed, collect, textParam } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';

export interface BaseModelParams {
  text: string;
  /** A second sentence, encoded on its own and compared with the first; empty for none. */
  text_pair: string;
}

export const baseModelCodec: ParamsCodec<BaseModelParams> = {
  defaults: { text: 'The cat naps on the warm mat.', text_pair: 'A kitten sleeps on the rug.' },
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
