// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { GPT2_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: GPT2_ID,
    knows: '“the cat” goes on “ sat on the mat.” and stops; “purr” purrs until the token limit; after “a” it picks cat, dog, cow or bird (sample with a temperature above 0 to see it choose).',
    example: 'text=the cat',
  },
];
