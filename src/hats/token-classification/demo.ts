// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { NER_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: NER_ID,
    knows: 'A few names: Miya and Annabel are people, Paris and London places, Hugging Face an organisation; every other word is O (outside any name).',
    example: 'text=Miya lives in Paris&aggregation=simple',
  },
];
