import type { TokenScheme } from './scheme';

/** One comparable unit of the text (a folded code point, or a UTF-8 byte) and the characters it came from. */
export interface Unit {
  u: number;
  start: number;
  end: number;
}

const FINAL_SIGMA = 'ς';
const SIGMA = 0x3c3;

/**
 * [1] Folding: what a normalising tokenizer may have done to a character, undone on both sides.
 *     NFKD splits "é" into "e" + a combining accent and turns "ｐ" or "𝒫" into plain "p"; marks (\p{M}) go
 *     (accent stripping), so do invisible format and control characters (\p{C}: zero-width joiner, soft
 *     hyphen) and spaces. Lower-casing twice around NFKD catches "İ" → "i̇". Python lower-cases "Σ" at
 *     the end of a word to "ς", JavaScript per character to "σ": both become σ.
 */
export function fold(s: string): number[] {
  const out: number[] = [];
  for (const ch of s.normalize('NFKD').toLowerCase().normalize('NFKD')) {
    if (/[\p{M}\p{C}\s]/u.test(ch)) continue;
    out.push(ch === FINAL_SIGMA ? SIGMA : ch.codePointAt(0)!);
  }
  return out;
}

/** The folded text, each unit pointing back at the UTF-16 range of the character it came from. */
export function textUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let start = 0;
  for (const ch of text) {
    const end = start + ch.length;
    for (const u of fold(ch)) units.push({ u, start, end });
    start = end;
  }
  return units;
}

/**
 * [2] Byte-level BPE (GPT-2, RoBERTa) first writes the text as UTF-8 bytes and gives each byte a printable
 *     stand-in: bytes that are already printable keep their character, the others get 256, 257, … in order.
 *     "Ġ" is the space byte 0x20, so "Ġcaf" + "Ã©" is " café". One emoji is 4 bytes and may span tokens.
 */
const BYTE_CHARS: string[] = [];
{
  let next = 256;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    BYTE_CHARS.push(String.fromCodePoint(printable ? b : next++));
  }
}
const BYTE_OF = new Map(BYTE_CHARS.map((ch, b) => [ch, b]));
const ASCII_SPACE = /^[\t\n\v\f\r ]$/;
const encoder = new TextEncoder();

/** How byte-level BPE writes a string: one stand-in character per UTF-8 byte. */
export function toByteLevel(s: string): string {
  return Array.from(encoder.encode(s), (b) => BYTE_CHARS[b]!).join('');
}

export function byteUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let start = 0;
  for (const ch of text) {
    const end = start + ch.length;
    if (!ASCII_SPACE.test(ch)) for (const u of encoder.encode(ch)) units.push({ u, start, end });
    start = end;
  }
  return units;
}

function tokenBytes(token: string): number[] {
  const bytes: number[] = [];
  for (const ch of token) {
    const b = BYTE_OF.get(ch);
    if (b === undefined) bytes.push(...encoder.encode(ch));
    else bytes.push(b);
  }
  return bytes.filter((b) => !ASCII_SPACE.test(String.fromCharCode(b)));
}

/** The text a token spells, without the tokenizer's markers, in the same units as the text. */
export function tokenUnits(token: string, scheme: TokenScheme): number[] {
  if (scheme.kind === 'bytelevel') return tokenBytes(token);
  let s = token;
  if (scheme.continuingPrefix && s.startsWith(scheme.continuingPrefix) && s.length > scheme.continuingPrefix.length) {
    s = s.slice(scheme.continuingPrefix.length);
  }
  if (scheme.endOfWordSuffix && s.endsWith(scheme.endOfWordSuffix)) s = s.slice(0, -scheme.endOfWordSuffix.length);
  if (scheme.metaspace) s = s.split(scheme.metaspace).join(' ');
  return fold(s);
}
