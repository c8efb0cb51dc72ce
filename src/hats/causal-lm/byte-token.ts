import { bytesToUnicode } from '../../lib/onnx/gpt2/byte-level-tokenizer';

let fromChar: Map<string, number> | undefined;

/**
 * A byte-level token as readable text when it is only part of a UTF-8 character (its own decode is
 * U+FFFD, which fonts draw as a box): the bytes it stands for, `<0xE2><0x80>`, with plain ASCII kept.
 * Undefined when `raw` is not written in GPT-2's byte alphabet.
 */
export function byteTokenText(raw: string): string | undefined {
  fromChar ??= new Map(bytesToUnicode().map((ch, b) => [ch, b]));
  const bytes = [...raw].map((ch) => fromChar!.get(ch));
  if (bytes.length === 0 || bytes.some((b) => b === undefined)) return undefined;
  return (bytes as number[]).map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`)).join('');
}

/** Text a font cannot show: a replacement box (part of a character) or a control character other than a tab or newline. */
export function unreadable(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c === 0xfffd || c === 0x7f || (c < 0x20 && ch !== '\n' && ch !== '\t')) return true;
  }
  return false;
}
