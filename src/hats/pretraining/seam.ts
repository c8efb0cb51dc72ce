import { insideSeam, type InsideView } from '@/lib/inside';
import { pretrainingCodec, type PretrainingParams } from './params';
import type { PretrainingOutput } from './output';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = insideSeam<PretrainingParams, PretrainingOutput>(pretrainingCodec);

/** What the Inside panel shows for this hat (hat.ts offers them, adapter.ts answers them). */
export const insideViews: readonly InsideView[] = ['attention', 'lens'];
