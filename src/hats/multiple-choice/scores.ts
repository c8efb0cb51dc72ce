import type { CheckpointProvenance } from '@/lib/checkpoint-provenance';
import { softmax } from '@/lib/maths';

export interface PairToken {
  token: string;
  /** 0 for the context, 1 for the choice. */
  segment: number;
  special: boolean;
}

export interface ChoiceScore {
  index: number;
  text: string;
  logit: number;
  score: number;
  /** The (context, choice) pair exactly as the encoder read it. */
  tokens: PairToken[];
  truncated: boolean;
}

export interface MultipleChoiceOutput {
  /** In the order the choices were typed. */
  choices: ChoiceScore[];
  best: number;
  provenance: CheckpointProvenance;
}

/**
 * [1] The head gives one number per (context, choice) pair: classifier(pooler([CLS])) → logits [pairs, 1].
 *     The numbers only mean something next to each other, so the softmax runs across the pairs (the
 *     "num_choices" axis in BertForMultipleChoice), not inside one pair: p_i = exp(s_i) / Σ_j exp(s_j).
 */
export function scoreChoices(logits: ArrayLike<number>, texts: string[], tokens: PairToken[][], truncated: boolean[]) {
  if (logits.length !== texts.length) throw new Error(`expected ${texts.length} logits, one per choice, got ${logits.length}`);
  const probs = softmax(logits);
  const choices: ChoiceScore[] = texts.map((text, index) => ({
    index,
    text,
    logit: Number(logits[index]),
    score: probs[index]!,
    tokens: tokens[index] ?? [],
    truncated: truncated[index] ?? false,
  }));
  const best = choices.reduce((b, c) => (c.score > choices[b]!.score ? c.index : b), 0);
  return { choices, best };
}
