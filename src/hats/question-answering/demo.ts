// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { QA_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: QA_ID,
    knows: 'Where an animal is: asked about the cat or the dog, it answers with the place word of the sentence about that animal (mat, park); when no sentence is about it, it answers nothing.',
    example: 'question=where does the dog run ?&context=the cat sleeps on the mat . the dog runs in the park .',
  },
];
