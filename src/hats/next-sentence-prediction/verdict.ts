import type { CheckpointProvenance } from '@/lib/checkpoint-provenance';
import { softmax } from '@/lib/maths';

export interface NspVerdict {
  /** P(B follows A). */
  isNext: number;
  notNext: number;
  /** The two raw scores, [IsNext, NotNext]. */
  logits: [number, number];
  label: 'IsNext' | 'NotNext';
}

export interface NspOutput extends NspVerdict {
  provenance: CheckpointProvenance;
}

/**
 * [1] cls.seq_relationship is Linear(hidden → 2) on the pooled [CLS] vector. In BERT's checkpoints index 0
 *     means "B is the sentence that really came next" (IsNext) and index 1 "B is a random sentence" (NotNext),
 *     the order next_sentence_label uses in transformers. A softmax over the two gives the probabilities;
 *     with two classes it is the sigmoid of the difference: P(IsNext) = 1 / (1 + e^(s₁ − s₀)).
 */
export function nspVerdict(logits: ArrayLike<number>): NspVerdict {
  if (logits.length !== 2) throw new Error(`the next-sentence head gives 2 scores, got ${logits.length}`);
  const [isNext, notNext] = softmax(logits) as [number, number];
  return { isNext, notNext, logits: [Number(logits[0]), Number(logits[1])], label: isNext >= notNext ? 'IsNext' : 'NotNext' };
}
