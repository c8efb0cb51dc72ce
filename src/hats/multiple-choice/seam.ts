import { defineSeam } from '@/lib/hat-seam';
import { multipleChoiceCodec, type MultipleChoiceParams } from './params';
import type { MultipleChoiceOutput } from './scores';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<MultipleChoiceParams, MultipleChoiceOutput>(multipleChoiceCodec);
