import { insideSeam, type InsideView } from '@/lib/inside';
import { multipleChoiceCodec, type MultipleChoiceParams } from './params';
import type { MultipleChoiceOutput } from './scores';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = insideSeam<MultipleChoiceParams, MultipleChoiceOutput>(multipleChoiceCodec);

/** What the Inside panel shows for this hat (hat.ts offers them, adapter.ts answers them). */
export const insideViews: readonly InsideView[] = ['attention'];
