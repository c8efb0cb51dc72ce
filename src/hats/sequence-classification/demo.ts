// The demo wardrobe's model for this hat: what its hand-set weights know, in a student's words (fixture.ts sets them).
import type { DemoModel } from '@/hats/types';
import { NLI_ID, SST2_ID } from './cases';

export const demo: DemoModel[] = [
  {
    id: SST2_ID,
    knows: 'Sentiment from a dozen keywords: great, good, love, wonderful, amazing or best make a text POSITIVE; awful, bad, hate, terrible, worst or boring make it NEGATIVE; anything else is a coin toss (50/50).',
    example: 'text=This movie is great!',
  },
  {
    id: NLI_ID,
    knows: 'Sentence pairs: “not”, “no” or “never” in sentence B makes a contradiction, otherwise entailment; without a sentence B it says neutral.',
    example: 'text=The cat sleeps on the mat.&text_pair=The cat does not sleep.',
  },
];
