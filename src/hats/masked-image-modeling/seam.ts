import { defineSeam } from '@/lib/hat-seam';
import { mimCodec, type MimParams } from './params';
import type { MimOutput } from './output';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<MimParams, MimOutput>(mimCodec);
