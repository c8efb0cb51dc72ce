/**
 * The two losses BERT's pretraining lowers, on one example.
 * [1] Cross-entropy of one prediction: −log p(true class), with p = softmax(logits). Computed as
 *     logsumexp(logits) − logits[true], which never overflows (the max is taken out first).
 * [2] Masked LM loss: the mean of [1] over the masked positions that have a true token (transformers
 *     marks the others with label −100 and skips them).
 * [3] Next-sentence loss: [1] over the two scores of cls.seq_relationship, true class 0 for IsNext,
 *     1 for NotNext.
 * [4] BertForPreTraining returns their plain sum as `loss`; training lowers both at once.
 */

export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/** [1] −log softmax(logits)[target]. */
export function crossEntropy(logits: ArrayLike<number>, target: number): number {
  if (target < 0 || target >= logits.length) throw new Error(`class ${target} is outside the ${logits.length} scores`);
  return logSumExp(logits) - logits[target]!;
}

/** [2] Mean over the given terms; undefined when no mask has a true token. */
export function meanLoss(terms: number[]): number | undefined {
  return terms.length ? terms.reduce((a, b) => a + b, 0) / terms.length : undefined;
}

/** [3] The NSP loss for a known relation. */
export function nspLoss(seqLogits: ArrayLike<number>, isNext: boolean): number {
  return crossEntropy(seqLogits, isNext ? 0 : 1);
}

export interface Losses {
  /** −log p(true token) for each mask with a true token, in mask order. */
  mlmTerms: { mask: number; loss: number }[];
  mlm?: number;
  nsp?: number;
  /** [4] Only when both parts are known, as in transformers. */
  total?: number;
}

export function combineLosses(mlmTerms: { mask: number; loss: number }[], nsp: number | undefined): Losses {
  const mlm = meanLoss(mlmTerms.map((t) => t.loss));
  return { mlmTerms, mlm, nsp, total: mlm !== undefined && nsp !== undefined ? mlm + nsp : undefined };
}
