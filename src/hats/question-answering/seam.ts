import { defineSeam } from '@/lib/hat-seam';
import { qaCodec, type QaParams } from './params';
import type { QaOutput } from './postprocess';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<QaParams, QaOutput>(qaCodec);
