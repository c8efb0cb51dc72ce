// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { SWAG_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: SWAG_ID,
    knows: 'Hunger: when the context says “hungry”, the choice about eating (eats, eat, fish, food) wins; any other context leaves every choice tied.',
    example: 'context=the cat is hungry .&choice=it eats fish .&choice=it flies to the moon .&choice=it reads a book .',
  },
];
