import { textsCodec } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';

export interface BaseModelParams {
  text: string;
  /** A second sentence, encoded on its own and compared with the first; empty for none. */
  text_pair: string;
}

export const baseModelCodec: ParamsCodec<BaseModelParams> = textsCodec<BaseModelParams>({ text: 'The cat naps on the warm mat.', text_pair: 'A kitten sleeps on the rug.' });
