import type { TokenScheme } from './scheme';
import { byteUnits, textUnits, tokenUnits, type Unit } from './unicode-fold';

export interface Span {
  start: number;
  end: number;
}

export interface AlignToken {
  token: string;
  /** [CLS], [SEP], <s>…: added by the tokenizer, not part of the text. */
  special: boolean;
  /** [UNK] or a byte-fallback token: it covers text it does not spell. */
  placeholder: boolean;
}

/** Units a token may skip when nothing unknown comes before it: characters the tokenizer dropped. */
const SKIP_WINDOW = 16;

function matchesAt(units: Unit[], at: number, want: number[]): boolean {
  if (at + want.length > units.length) return false;
  return want.every((u, k) => units[at + k]!.u === u);
}

// BERT's pre-tokenizer splits at spaces, punctuation (ASCII symbols count) and around each CJK character.
const BREAK = /[\s\p{P}\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FA1F}]/u;

/** A WordPiece token after an [UNK] must start a new word: the [UNK] stood for the whole word before it. */
function startsWord(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const before = String.fromCodePoint(text.codePointAt(offset - 1)!);
  const prev = /[\uDC00-\uDFFF]/.test(before) && offset >= 2 ? String.fromCodePoint(text.codePointAt(offset - 2)!) : before;
  return BREAK.test(prev) || BREAK.test(String.fromCodePoint(text.codePointAt(offset)!));
}

function findToken(units: Unit[], from: number, want: number[], prevEnd: number | null, text: string, scheme: TokenScheme): number {
  if (prevEnd === null) {
    for (let at = from; at <= Math.min(from + SKIP_WINDOW, units.length - 1); at++) if (matchesAt(units, at, want)) return at;
    return -1;
  }
  let first = -1;
  for (let at = from; at < units.length; at++) {
    // [1] Something unknown sits before this token, so some visible text must lie between.
    if (!matchesAt(units, at, want) || !/\S/u.test(text.slice(prevEnd, units[at]!.start))) continue;
    if (!scheme.unkIsWholeWord || startsWord(text, units[at]!.start)) return at;
    if (first < 0) first = at;
  }
  return first;
}

/** The space-separated chunks of text[from, to), with their offsets. */
function chunks(text: string, from: number, to: number): Span[] {
  return [...text.slice(from, to).matchAll(/\S+/gu)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
}

/**
 * [2] Unknown tokens share the text between the tokens around them: one chunk between spaces each, the
 *     last one taking what is left. With nothing after them (end of text, or truncation), each takes one chunk.
 */
function placeUnknown(pending: number[], spans: (Span | null)[], text: string, from: number, to: number | null) {
  const parts = chunks(text, from, to ?? text.length);
  const at = to ?? parts[parts.length - 1]?.end ?? from;
  pending.forEach((tokenIndex, k) => {
    const part = parts[k];
    if (!part) spans[tokenIndex] = { start: at, end: at };
    else if (k === pending.length - 1 && to !== null) spans[tokenIndex] = { start: part.start, end: parts[parts.length - 1]!.end };
    else spans[tokenIndex] = part;
  });
}

/**
 * Character offsets (UTF-16, as JavaScript strings count) of each token in the original text; null for
 * special tokens. Tokens are matched in order against the folded text, so lower-casing, stripped accents,
 * compatibility forms and dropped invisible characters do not break the match.
 */
export function alignTokens(text: string, tokens: AlignToken[], scheme: TokenScheme): (Span | null)[] {
  const units = scheme.kind === 'bytelevel' ? byteUnits(text) : textUnits(text);
  const spans: (Span | null)[] = tokens.map(() => null);
  let cursor = 0;
  let prevEnd = 0;
  let pending: number[] = [];
  tokens.forEach((t, i) => {
    if (t.special) return;
    if (t.placeholder) {
      pending.push(i);
      return;
    }
    const want = tokenUnits(t.token, scheme);
    const at = want.length ? findToken(units, cursor, want, pending.length ? prevEnd : null, text, scheme) : -1;
    if (at < 0) {
      // A token that spells nothing here (a lone "▁", or text folding cannot explain): zero width.
      const here = pending.length ? prevEnd : (units[cursor]?.start ?? prevEnd);
      spans[i] = { start: here, end: here };
      return;
    }
    const start = units[at]!.start;
    if (pending.length) placeUnknown(pending, spans, text, prevEnd, start);
    pending = [];
    // [3] Byte-level tokens can share one character (the 4 bytes of an emoji): their spans are the same.
    // Like Python's offsets, a combining mark the tokenizer stripped after the last letter is not included.
    const end = units[at + want.length - 1]!.end;
    spans[i] = { start, end };
    prevEnd = Math.max(prevEnd, end);
    cursor = at + want.length;
  });
  if (pending.length) placeUnknown(pending, spans, text, prevEnd, null);
  return spans;
}
