import { defineSeam } from '@/lib/hat-seam';
import { tokenClsCodec, type TokenClsParams } from './params';
import type { TokenClsOutput } from './postprocess';

/** What the page sends this hat's adapter and what it answers: hat.ts and adapter.ts both take it. */
export const seam = defineSeam<TokenClsParams, TokenClsOutput>(tokenClsCodec);
