import { softmax } from '@/lib/maths';
import type { ScoredToken } from './aggregate';
import { alignTokens } from './offsets';
import { isPlaceholder, type TokenScheme } from './scheme';

export interface TokenScore extends ScoredToken {
  /** Position in input_ids (0 is [CLS]). */
  index: number;
  token: string;
  /** [UNK] or a byte-fallback token. */
  placeholder: boolean;
}

export interface TokenClsOutput {
  /** The text these offsets belong to (the page may already show a newer one while this is computed). */
  text: string;
  /** The model's labels in id order, from config.json id2label. */
  labels: string[];
  /** Every token of the text, special tokens left out. */
  tokens: TokenScore[];
  /** Characters of `text` the model read; less than its length when the input was truncated. */
  readUpTo: number;
  subwordRule: TokenScheme['subwordRule'];
}

/** Labels in id order; a model without id2label gets LABEL_0, LABEL_1, … as in transformers. */
export function labelList(id2label: Record<string, string> | undefined, count: number): string[] {
  return Array.from({ length: count }, (_, i) => id2label?.[String(i)] ?? `LABEL_${i}`);
}

/** [1] logits [1, seq_len, num_labels] → one probability vector per token (softmax over that token's labels). */
export function softmaxRows(logits: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => softmax(Array.prototype.slice.call(logits, r * cols, (r + 1) * cols) as number[]));
}

const codePoints = (s: string) => [...s].length;

/**
 * [2] Does this token continue the word before it? Exactly the Python pipeline's test:
 *     with a "##"-style prefix, a token whose length (prefix included) differs from the text it covers is a piece;
 *     without one, a token is a piece unless it starts the text or a space sits just before or at its start.
 *     Unknown tokens always start a word.
 */
export function isSubword(token: string, start: number, end: number, text: string, rule: TokenScheme['subwordRule'], placeholder: boolean): boolean {
  if (placeholder) return false;
  if (rule === 'length') return codePoints(token) !== codePoints(text.slice(start, end));
  return start > 0 && text[start - 1] !== ' ' && text[start] !== ' ';
}

export interface BuildInput {
  text: string;
  rows: { token: string; special: boolean }[];
  logits: ArrayLike<number>;
  id2label?: Record<string, string>;
  scheme: TokenScheme;
  unkToken?: string;
  truncated: boolean;
}

export function buildOutput({ text, rows, logits, id2label, scheme, unkToken, truncated }: BuildInput): TokenClsOutput {
  const numLabels = rows.length ? logits.length / rows.length : 0;
  const probs = softmaxRows(logits, rows.length, numLabels);
  // [3] The tokenizer lists [UNK] among its special tokens, but it stands for text: only the added ones ([CLS], [SEP]) go.
  const marked = rows.map((r) => {
    const placeholder = isPlaceholder(r.token, unkToken);
    return { token: r.token, special: r.special && !placeholder, placeholder };
  });
  const spans = alignTokens(text, marked, scheme);
  const tokens: TokenScore[] = [];
  marked.forEach((r, index) => {
    const span = spans[index];
    if (r.special || !span) return;
    const { start, end } = span;
    const isSub = isSubword(r.token, start, end, text, scheme.subwordRule, r.placeholder);
    tokens.push({ index, token: r.token, placeholder: r.placeholder, start, end, isSubword: isSub, scores: probs[index]! });
  });
  const readUpTo = truncated ? Math.max(0, ...tokens.map((t) => t.end)) : text.length;
  return { text, labels: labelList(id2label, numLabels), tokens, readUpTo, subwordRule: scheme.subwordRule };
}
