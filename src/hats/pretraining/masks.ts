/** Helpers for the [MASK] tokens a person types into the two sentences. */

function pattern(maskToken: string): RegExp {
  return new RegExp(maskToken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
}

export function countMasks(text: string, maskToken: string): number {
  return text.match(pattern(maskToken))?.length ?? 0;
}

/**
 * Hides the last word of a sentence behind the mask token and returns the word as the true token,
 * as BERT's data pipeline does when it picks a word to mask. Null when there is no word to hide.
 */
export function maskLastWord(text: string, maskToken: string): { text: string; word: string } | null {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const last = words.at(-1);
  if (!last || last.index === undefined) return null;
  return { text: text.slice(0, last.index) + maskToken + text.slice(last.index + last[0].length), word: last[0] };
}
