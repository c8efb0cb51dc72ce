import { insideSeam } from '@/lib/inside';
import { causalCodec, type CausalParams } from './params';
import type { CausalOutput } from './output';

/** What the page sends this hat's adapter and what it answers (Inside is its call): hat.ts and adapter.ts both take it. */
export const seam = insideSeam<CausalParams, CausalOutput>(causalCodec, ['steps']);
