import { defineSeam } from '@/lib/hat-seam';
import { causalCodec, type CausalParams } from './params';
import type { CausalOutput } from './output';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<CausalParams, CausalOutput>(causalCodec);
