import { describe, expect, it } from 'vitest';
import { byteTokenText, unreadable } from './byte-token';

describe('byteTokenText', () => {
  it('shows the bytes of part of a character instead of a replacement box', () => {
    // "’" is E2 80 99 in UTF-8; GPT-2 writes E2 as "â" and 80 as "Ģ".
    expect(byteTokenText('âĢ')).toBe('<0xE2><0x80>');
    expect(byteTokenText('Ġâ')).toBe(' <0xE2>');
  });

  it('is undefined for text outside the byte alphabet', () => {
    expect(byteTokenText('<|endoftext|> ')).toBeUndefined();
    expect(byteTokenText('')).toBeUndefined();
  });

  it('finds what a font cannot show: a replacement box or a control byte, not a tab, a newline or a character', () => {
    expect(['\uFFFD', '\u0000', '\u0007', '\u007f'].map(unreadable)).toEqual([true, true, true, true]);
    expect(['\n', '\t', ' purr', '…', '♥'].map(unreadable)).toEqual([false, false, false, false, false]);
    // GPT-2 writes byte 0x00 as "Ā": shown as its byte.
    expect(byteTokenText('Ā')).toBe('<0x00>');
  });
});
