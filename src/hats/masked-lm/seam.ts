import { defineSeam } from '@/lib/hat-seam';
import { maskedLmCodec, type MaskedLmParams } from './params';
import type { MaskedLmOutput } from './postprocess';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<MaskedLmParams, MaskedLmOutput>(maskedLmCodec);
