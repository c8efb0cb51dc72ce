import { textsCodec } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';

export interface SeqClsParams {
  text: string;
  /** Second sentence for pair models (NLI: premise + hypothesis); empty for single texts. */
  text_pair: string;
}

export const seqClsCodec: ParamsCodec<SeqClsParams> = textsCodec<SeqClsParams>({ text: 'I love how this wardrobe makes transformers feel simple!', text_pair: '' });
