import { insideSeam } from '@/lib/inside';
import { seq2seqCodec, type Seq2SeqParams } from './params';
import type { Seq2SeqOutput } from './generation';

/** What the page sends this hat's adapter and what it answers (Inside is its call): hat.ts and adapter.ts both take it. */
export const seam = insideSeam<Seq2SeqParams, Seq2SeqOutput>(seq2seqCodec, ['steps']);
