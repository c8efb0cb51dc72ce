import { insideSeam } from '@/lib/inside';
import { mimCodec, type MimParams } from './params';
import type { MimOutput } from './output';

/** What the page sends this hat's adapter and what it answers (Inside is its call): hat.ts and adapter.ts both take it. */
export const seam = insideSeam<MimParams, MimOutput>(mimCodec);
