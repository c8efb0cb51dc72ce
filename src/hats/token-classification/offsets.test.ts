import { describe, expect, it } from 'vitest';
import { alignTokens } from './offsets';
import { readScheme, WORDPIECE, type TokenScheme } from './scheme';
import { toByteLevel } from './unicode-fold';

const BYTE_LEVEL = readScheme({ model: { type: 'BPE' }, pre_tokenizer: { type: 'ByteLevel' }, decoder: { type: 'ByteLevel' } });
const METASPACE = readScheme({
  model: { type: 'Unigram' },
  pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Metaspace', replacement: '▁' }] },
});

/** The text each token was matched to (null for special tokens), for readable expectations. */
function slices(text: string, tokens: string[], scheme: TokenScheme = WORDPIECE) {
  const input = tokens.map((token) => ({
    token,
    special: ['[CLS]', '[SEP]', '<s>', '</s>'].includes(token),
    placeholder: token === '[UNK]' || token === '<unk>',
  }));
  return alignTokens(text, input, scheme).map((s) => s && text.slice(s.start, s.end));
}

describe('alignTokens (WordPiece)', () => {
  it('finds lower-cased tokens and word pieces in the original text', () => {
    expect(slices('Miya lives in Paris', ['[CLS]', 'miya', 'lives', 'in', 'paris', '[SEP]'])).toEqual([null, 'Miya', 'lives', 'in', 'Paris', null]);
    expect(slices('Annabel naps', ['annab', '##el', 'nap', '##s'])).toEqual(['Annab', 'el', 'nap', 's']);
  });

  it('sees through stripped accents, composed or decomposed, and compatibility forms', () => {
    expect(slices('Café Zoë', ['cafe', 'zoe'])).toEqual(['Café', 'Zoë']);
    expect(slices('Cafe\u0301 ok', ['cafe', 'ok'])).toEqual(['Cafe', 'ok']);
    expect(slices('Ｐａｒｉｓ', ['paris'])).toEqual(['Ｐａｒｉｓ']);
    expect(slices('ﬁne', ['fine'])).toEqual(['ﬁne']);
    expect(slices('İstanbul', ['istanbul'])).toEqual(['İstanbul']);
  });

  it('never splits a surrogate pair and counts offsets in UTF-16 units', () => {
    const text = 'the 𝒫aris cat';
    const spans = alignTokens(text, ['the', 'paris', 'cat'].map((token) => ({ token, special: false, placeholder: false })), WORDPIECE);
    expect(spans).toEqual([{ start: 0, end: 3 }, { start: 4, end: 10 }, { start: 11, end: 14 }]);
  });

  it('matches Python’s final sigma and one token per CJK character', () => {
    expect(slices('ΟΔΟΣ ok', ['οδος', 'ok'])).toEqual(['ΟΔΟΣ', 'ok']);
    expect(slices('住在東京', ['住', '在', '東', '京'])).toEqual(['住', '在', '東', '京']);
  });

  it('skips characters the tokenizer dropped: controls, zero-width joiners, soft hyphens', () => {
    expect(slices('pa\u00ADris\u0007 now', ['paris', 'now'])).toEqual(['pa\u00ADris', 'now']);
    expect(slices('a\u200Db  c\n\nd', ['ab', 'c', 'd'])).toEqual(['a\u200Db', 'c', 'd']);
  });

  it('gives [UNK] the whole word it replaced, emoji included', () => {
    expect(slices('Miya 🐈‍⬛ sleeps', ['miya', '[UNK]', 'sleeps'])).toEqual(['Miya', '🐈‍⬛', 'sleeps']);
    // The [UNK] stood for "🐈a": the token "a" is the next word, not the letter glued to the emoji.
    expect(slices('🐈a a', ['[UNK]', 'a'])).toEqual(['🐈a', 'a']);
    expect(slices('x ☃ ☄ y', ['x', '[UNK]', '[UNK]', 'y'])).toEqual(['x', '☃', '☄', 'y']);
    expect(slices('Paris 🇫🇷, again', ['paris', '[UNK]', ',', 'again'])).toEqual(['Paris', '🇫🇷', ',', 'again']);
  });

  it('gives trailing [UNK]s one chunk each, even when the text goes on (truncation)', () => {
    expect(slices('paris 🐈 🐕 and more', ['paris', '[UNK]', '[UNK]'])).toEqual(['paris', '🐈', '🐕']);
  });

  it('gives a token it cannot find a zero-width span and keeps going', () => {
    const text = 'the cat sleeps';
    const spans = alignTokens(text, ['the', 'zzz', 'cat', 'sleeps'].map((token) => ({ token, special: false, placeholder: false })), WORDPIECE);
    expect(spans[1]).toEqual({ start: 4, end: 4 });
    expect(spans.slice(2).map((s) => s && text.slice(s.start, s.end))).toEqual(['cat', 'sleeps']);
  });
});

describe('alignTokens (other tokenizers)', () => {
  it('decodes byte-level BPE, also when an emoji is split over several tokens', () => {
    const emoji = toByteLevel('🐈'); // 4 bytes → 4 stand-in characters
    const tokens = ['<s>', 'Hello', toByteLevel(' caf'), toByteLevel('é'), `Ġ${emoji.slice(0, 2)}`, emoji.slice(2), '</s>'];
    expect(slices('Hello café 🐈', tokens, BYTE_LEVEL)).toEqual([null, 'Hello', 'caf', 'é', '🐈', '🐈', null]);
  });

  it('reads SentencePiece’s ▁ as a space and finds <unk> between pieces', () => {
    expect(slices('Miya lives in Paris', ['<s>', '▁Miya', '▁lives', '▁in', '▁Par', 'is', '</s>'], METASPACE)).toEqual([
      null, 'Miya', 'lives', 'in', 'Par', 'is', null,
    ]);
    expect(slices('a☃b', ['▁a', '<unk>', 'b'], METASPACE)).toEqual(['a', '☃', 'b']);
  });
});
