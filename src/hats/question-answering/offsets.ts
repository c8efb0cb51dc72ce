/*
 * Token → character offsets, computed in the page because transformers.js returns token ids only.
 *
 * [1] The context is cut at whitespace into words, each word is tokenized on its own and its tokens are
 *     matched against the word's characters. A token can never cross a word, so an error stays inside one word.
 * [2] Tokenizers rewrite text before splitting it (lower-casing, stripping accents, NFKC/NFKD, "ﬁ" → "fi").
 *     Both sides are folded the same, stronger way (NFKD, no combining marks, lower case) one character
 *     at a time, so each folded unit remembers which original character it came from.
 * [3] Byte-level BPE (GPT-2, RoBERTa) writes every byte as a printable character ("Ġ" is the space byte);
 *     decoding those bytes as UTF-8 gives the surface text back. WordPiece marks continuations with "##",
 *     SentencePiece marks word starts with "▁".
 * [4] A token whose text cannot be found (e.g. [UNK], or half of a multi-byte character) takes the
 *     characters between its matched neighbours, or the whole word when there are none.
 */

export interface CharSpan {
  start: number;
  end: number;
}

export interface ContextToken extends CharSpan {
  id: number;
  token: string;
}

/** Whitespace-separated words with their offsets in `text`. */
export function splitWords(text: string): CharSpan[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** [2] The comparison form of a string. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** [2] The folded text of text[from, to), and for each folded UTF-16 unit the original character's span. */
export function foldWithMap(text: string, from: number, to: number): { folded: string; spans: CharSpan[] } {
  let folded = '';
  const spans: CharSpan[] = [];
  let i = from;
  for (const ch of text.slice(from, to)) {
    const f = fold(ch);
    // A character that folds to nothing (a combining accent, a zero-width joiner) belongs to the one before.
    const last = spans[spans.length - 1];
    if (!f && last) last.end = i + ch.length;
    folded += f;
    for (let k = 0; k < f.length; k++) spans.push({ start: i, end: i + ch.length });
    i += ch.length;
  }
  return { folded, spans };
}

let byteTable: Map<string, number> | undefined;

/** [3] GPT-2's bytes_to_unicode, reversed: printable character → byte. */
function bytesFromUnicode(): Map<string, number> {
  if (byteTable) return byteTable;
  const table = new Map<string, number>();
  let n = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
    table.set(String.fromCharCode(printable ? b : 256 + n++), b);
  }
  byteTable = table;
  return table;
}

export function decodeByteLevel(token: string): string {
  const table = bytesFromUnicode();
  const bytes: number[] = [];
  for (const ch of token) {
    const b = table.get(ch);
    if (b === undefined) return token; // not a byte-level token after all
    bytes.push(b);
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes)).replace(/\uFFFD/g, '');
}

/** [3] The text a token stands for, folded; empty when it stands for nothing findable. */
export function tokenSurface(token: string, byteLevel: boolean): string {
  let t = token.startsWith('##') ? token.slice(2) : token;
  t = byteLevel ? decodeByteLevel(t) : t.replace(/^▁+/u, '');
  return fold(t).trim();
}

/** [1] Character spans of a word's tokens, in order. */
export function alignWord(text: string, word: CharSpan, tokens: string[], byteLevel: boolean): CharSpan[] {
  const { folded, spans } = foldWithMap(text, word.start, word.end);
  let cursor = 0;
  const found = tokens.map((token): CharSpan | null => {
    const surface = tokenSurface(token, byteLevel);
    const at = surface ? folded.indexOf(surface, cursor) : -1;
    if (at < 0) return null;
    cursor = at + surface.length;
    return { start: spans[at]!.start, end: spans[at + surface.length - 1]!.end };
  });
  // [4] Fill the tokens that were not found from their neighbours.
  return found.map((span, k) => {
    if (span) return span;
    const before = found.slice(0, k).reverse().find((s) => s !== null);
    const after = found.slice(k + 1).find((s) => s !== null);
    const start = before?.end ?? word.start;
    const end = after?.start ?? word.end;
    return start < end ? { start, end } : { ...word };
  });
}

/**
 * [1] Tokenizes `text` word by word. `encode` must return ids without special tokens; words after the first
 * are encoded with their leading space, which byte-level and SentencePiece tokenizers need to mark a word start.
 */
export function tokenizeWithOffsets(
  text: string,
  encode: (piece: string) => number[],
  tokenOf: (id: number) => string,
  byteLevel: boolean,
): ContextToken[] {
  const out: ContextToken[] = [];
  splitWords(text).forEach((word, n) => {
    const piece = text.slice(word.start, word.end);
    const ids = encode(n === 0 ? piece : ` ${piece}`);
    const tokens = ids.map(tokenOf);
    const spans = alignWord(text, word, tokens, byteLevel);
    ids.forEach((id, k) => out.push({ id, token: tokens[k]!, ...spans[k]! }));
  });
  return out;
}
