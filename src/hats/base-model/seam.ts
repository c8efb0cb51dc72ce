import { defineSeam } from '@/lib/hat-seam';
import { baseModelCodec, type BaseModelParams } from './params';
import type { BaseModelOutput } from './postprocess';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<BaseModelParams, BaseModelOutput>(baseModelCodec);
