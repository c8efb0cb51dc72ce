// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { EMBED_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: EMBED_ID,
    knows: 'Kinds of words: animals, vehicles, colours, and verbs of rest or motion each point one way, so “the cat sleeps” lands nearer “a cat sleeps” than “the car is red”.',
    example: 'text=the cat sleeps&text_pair=a cat sleeps',
  },
];
