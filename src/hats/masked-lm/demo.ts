// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { MLM_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: MLM_ID,
    knows: 'Animals and their sounds: a [MASK] beside cat, dog or cow becomes meow, woof or moo, and a sound at the other side brings back its animal.',
    example: 'text=The cat says [MASK].',
  },
];
