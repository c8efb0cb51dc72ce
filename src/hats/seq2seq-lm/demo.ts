// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { T5_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: T5_ID,
    knows: 'A few animals: “the cat” and “the dog” in German (die Katze, der Hund), “the mouse” in French (la souris), a sentence about the cat summarized as “cat naps”; at “purr” it purrs on.',
    example: 'task=translate-de&text=the cat',
  },
];
