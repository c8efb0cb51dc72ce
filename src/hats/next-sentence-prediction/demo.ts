// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { NSP_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: NSP_ID,
    knows: 'Topics: sentence B follows sentence A (IsNext) when both are about animals or both about money; a mix is NotNext.',
    example: 'sentence_a=the cat is hungry .&sentence_b=the cat eats fish .',
  },
];
