import { insideSeam, type InsideView } from '@/lib/inside';
import { nspCodec, type NspParams } from './params';
import type { NspOutput } from './verdict';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = insideSeam<NspParams, NspOutput>(nspCodec);

/** What the Inside panel shows for this hat (hat.ts offers them, adapter.ts answers them). */
export const insideViews: readonly InsideView[] = ['attention'];
