import { insideSeam, type InsideView } from '@/lib/inside';
import { maskedLmCodec, type MaskedLmParams } from './params';
import type { MaskedLmOutput } from './postprocess';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = insideSeam<MaskedLmParams, MaskedLmOutput>(maskedLmCodec);

/** What the Inside panel shows for this hat (hat.ts offers them, adapter.ts answers them). */
export const insideViews: readonly InsideView[] = ['attention', 'lens'];
