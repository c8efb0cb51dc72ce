// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { ENCODER_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: ENCODER_ID,
    knows: 'The bare encoder of the demo (animals, vehicles, colours, resting and moving share directions); the head on top is yours, trained here on your examples.',
    example: 'text=the cat sleeps on the mat',
  },
];
