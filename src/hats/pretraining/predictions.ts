import { softmax } from '@/lib/maths';
import { crossEntropy } from './losses';

export interface TokenGuess {
  token: string;
  id: number;
  score: number;
}

export interface TrueToken {
  token: string;
  id: number;
  /** p(true token) at this mask. */
  prob: number;
  /** −log p, this mask's term of the MLM loss. */
  loss: number;
  /** 1 = the model's top guess. */
  rank: number;
}

export interface MaskResult {
  /** Position among the input tokens. */
  position: number;
  /** Which sentence the mask is in. */
  sentence: 'A' | 'B';
  top: TokenGuess[];
  truth?: TrueToken;
}

/**
 * Reads the prediction head's row at one position.
 * [1] prediction_logits is [1, seq_len, size]: one score per vocabulary word at every position (BERT
 *     scores them all, the loss only looks at masked ones). Softmax over the row = P(word | both sides).
 */
export function readMask(
  logits: ArrayLike<number>,
  position: number,
  size: number,
  vocab: string[],
  k: number,
  trueId?: number,
): Pick<MaskResult, 'top' | 'truth'> {
  const row = Array.prototype.slice.call(logits, position * size, (position + 1) * size) as number[];
  const p = softmax(row);
  const order = row.map((_, i) => i).sort((a, b) => row[b]! - row[a]!);
  const top = order.slice(0, k).map((id) => ({ token: vocab[id] ?? `<${id}>`, id, score: p[id]! }));
  if (trueId === undefined) return { top };
  const loss = crossEntropy(row, trueId);
  return { top, truth: { token: vocab[trueId] ?? `<${trueId}>`, id: trueId, prob: Math.exp(-loss), loss, rank: order.indexOf(trueId) + 1 } };
}
