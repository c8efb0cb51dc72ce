import { defineSeam } from '@/lib/hat-seam';
import { nspCodec, type NspParams } from './params';
import type { NspOutput } from './verdict';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<NspParams, NspOutput>(nspCodec);
