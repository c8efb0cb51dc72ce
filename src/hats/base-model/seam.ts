import { insideSeam, type InsideView } from '@/lib/inside';
import { baseModelCodec, type BaseModelParams } from './params';
import type { BaseModelOutput } from './postprocess';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = insideSeam<BaseModelParams, BaseModelOutput>(baseModelCodec);

/** What the Inside panel shows for this hat (hat.ts offers them, adapter.ts answers them). */
export const insideViews: readonly InsideView[] = ['attention', 'hidden'];
