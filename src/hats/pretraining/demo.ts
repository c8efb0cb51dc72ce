// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { PRETRAINING_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: PRETRAINING_ID,
    knows: 'Both pretraining heads: at a [MASK] an animal brings its sound and a sound its animal (cat and meow, dog and woof, cow and moo); the pair head says IsNext when both sentences are about animals or both about money.',
    example: 'sentence_a=the cat says [MASK] .&sentence_b=the cat eats fish .',
  },
];
