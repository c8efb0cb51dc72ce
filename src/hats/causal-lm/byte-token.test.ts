import { describe, expect, it } from 'vitest';
import { byteTokenText } from './byte-token';

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
});
