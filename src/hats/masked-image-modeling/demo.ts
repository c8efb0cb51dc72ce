// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { MIM_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: MIM_ID,
    knows: 'Only averages: every hidden patch is painted in the mean colour of the visible ones. It knows no shapes, which is what a real MAE learns.',
  },
];
