import { defineSeam } from '@/lib/hat-seam';
import { seqClsCodec, type SeqClsParams } from './params';
import type { SeqClsOutput } from './postprocess';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<SeqClsParams, SeqClsOutput>(seqClsCodec);
