import { softmax, topK } from '@/lib/maths';

export interface Prediction {
  token: string;
  id: number;
  score: number;
}

export interface MaskPrediction {
  /** Position of the mask among the input tokens. */
  position: number;
  predictions: Prediction[];
}

export interface MaskedLmOutput {
  maskToken: string;
  masks: MaskPrediction[];
}

export const MASK_ALIASES = ['[MASK]', '<mask>'];
export const MAX_MASKS = 20;

/**
 * One distribution per mask.
 * [1] logits has shape [1, sequence_length, vocab_size]: the head scores every vocabulary word at every
 *     position. Only the rows at mask positions matter; softmax over a row gives P(word | context).
 */
export function predictMasks(
  logits: ArrayLike<number>,
  ids: number[],
  maskId: number,
  vocab: string[],
  k: number,
): MaskPrediction[] {
  const vocabSize = logits.length / ids.length;
  const out: MaskPrediction[] = [];
  ids.forEach((id, position) => {
    if (id !== maskId) return;
    const row = Array.prototype.slice.call(logits, position * vocabSize, (position + 1) * vocabSize) as number[];
    const probs = softmax(row);
    const predictions = topK(probs, k).map((i) => ({ token: vocab[i] ?? `<${i}>`, id: i, score: probs[i]! }));
    out.push({ position, predictions });
  });
  return out;
}

/**
 * How a predicted token reads in text.
 * [2] WordPiece marks a piece that continues a word with "##"; byte-level BPE (RoBERTa, GPT-2) marks a
 *     token that starts a new word with "Ġ", SentencePiece with "▁". A continuation glues to the word before it.
 */
export function displayToken(token: string): { text: string; attach: boolean } {
  if (token.startsWith('##')) return { text: token.slice(2), attach: true };
  if (token.startsWith('Ġ') || token.startsWith('▁')) return { text: token.slice(1), attach: false };
  return { text: token, attach: false };
}

function maskPattern(maskToken: string): RegExp {
  const all = [...new Set([maskToken, ...MASK_ALIASES])].map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(all.join('|'), 'g');
}

export function countMasks(text: string, maskToken: string): number {
  return text.match(maskPattern(maskToken))?.length ?? 0;
}

/** Writes the model's own mask token wherever the person typed another model's (e.g. [MASK] for RoBERTa). */
export function normalizeMasks(text: string, maskToken: string): string {
  return text.replace(maskPattern(maskToken), maskToken);
}

/** Replaces the n-th mask (0-based) in the person's text with a predicted token. */
export function fillMask(text: string, maskToken: string, n: number, token: string): string {
  const match = [...text.matchAll(maskPattern(maskToken))][n];
  if (!match) return text;
  const { text: word, attach } = displayToken(token);
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  return (attach ? before.replace(/\s+$/, '') : before) + word + after;
}
