import { defineSeam } from '@/lib/hat-seam';
import { pretrainingCodec, type PretrainingParams } from './params';
import type { PretrainingOutput } from './output';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<PretrainingParams, PretrainingOutput>(pretrainingCodec);
