import type { CheckpointProvenance } from '@/lib/checkpoint-provenance';
import type { Losses } from './losses';
import type { MaskResult } from './predictions';
import type { TrueRelation } from './params';

export interface NspPart {
  isNext: number;
  notNext: number;
  /** cls.seq_relationship's two scores: [IsNext, NotNext]. */
  logits: [number, number];
}

export interface PretrainingOutput {
  maskToken: string;
  masks: MaskResult[];
  nsp: NspPart;
  /** The true relation the losses used ('' = none given). */
  relation: TrueRelation;
  losses: Losses;
  /** True tokens that could not be scored, in the person's words (e.g. a word of two pieces). */
  labelNotes: string[];
  provenance: CheckpointProvenance;
}
