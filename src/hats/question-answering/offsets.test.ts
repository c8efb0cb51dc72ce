import { describe, expect, it } from 'vitest';
import { BertTokenizer } from '@huggingface/transformers';
import { alignWord, decodeByteLevel, fold, splitWords, tokenizeWithOffsets, tokenSurface } from './offsets';

const slices = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('folding and token surfaces', () => {
  it('folds case, accents and compatibility forms', () => {
    expect(fold('Café ﬁne Ⅻ')).toBe('cafe fine xii');
    expect(fold('İstanbul')).toBe('istanbul');
  });

  it('reads WordPiece, SentencePiece and byte-level tokens', () => {
    expect(tokenSurface('##ing', false)).toBe('ing');
    expect(tokenSurface('▁Naïve', false)).toBe('naive');
    expect(decodeByteLevel('ĠcafÃ©')).toBe(' café');
    expect(tokenSurface('ĠcafÃ©', true)).toBe('cafe');
    expect(tokenSurface('Ã', true)).toBe(''); // half a character
  });

  it('splits words at any whitespace, keeping offsets', () => {
    expect(splitWords(' a\tbc\n\u00a0d ')).toEqual([
      { start: 1, end: 2 },
      { start: 3, end: 5 },
      { start: 7, end: 8 },
    ]);
  });
});

describe('alignWord', () => {
  it('maps lower-cased, accent-stripped word pieces back to the original characters', () => {
    const text = 'Déjà-Vu!';
    const spans = alignWord(text, { start: 0, end: text.length }, ['deja', '-', 'v', '##u', '!'], false);
    expect(slices(text, spans)).toEqual(['Déjà', '-', 'V', 'u', '!']);
  });

  it('handles characters outside the BMP and decomposed accents', () => {
    const text = 'e\u0301te\u0301 🐈cat';
    const word = splitWords(text)[1]!;
    expect(slices(text, alignWord(text, word, ['🐈', '##cat'], false))).toEqual(['🐈', 'cat']);
    expect(slices(text, alignWord(text, splitWords(text)[0]!, ['ete'], false))).toEqual(['e\u0301te\u0301']);
  });

  it('gives tokens it cannot find the characters between their neighbours, or the whole word', () => {
    const text = 'xyzcat';
    expect(slices(text, alignWord(text, { start: 0, end: 6 }, ['[UNK]', '##cat'], false))).toEqual(['xyz', 'cat']);
    expect(slices(text, alignWord(text, { start: 0, end: 6 }, ['[UNK]'], false))).toEqual(['xyzcat']);
  });

  it('decodes byte-level tokens, including a character split over two tokens', () => {
    const text = 'un café';
    const word = { start: 3, end: 7 };
    expect(slices(text, alignWord(text, word, ['Ġcaf', 'Ã©'], true))).toEqual(['caf', 'é']);
    expect(slices(text, alignWord(text, word, ['Ġca', 'fÃ', '©'], true))).toEqual(['ca', 'f', 'é']);
  });
});

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'the', 'cat', 'sleep', '##s', 'on', 'mat', '.', 'cafe', 'park', '!'];

function tinyBert(lowercase: boolean) {
  const json = {
    version: '1.0',
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(VOCAB.map((t, i) => [t, i])) },
  };
  return new BertTokenizer(json, { do_lower_case: lowercase, model_max_length: 64, unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]' });
}

describe('tokenizeWithOffsets with a real transformers.js tokenizer', () => {
  const tok = tinyBert(true);
  const encode = (t: string) => tok.encode(t, { add_special_tokens: false });
  const tokenOf = (id: number) => VOCAB[id]!;

  it('finds every token of a messy context in the original text', () => {
    const context = '  The CAT\tsleeps on the Mat.\nCafé ﬁne park!';
    const tokens = tokenizeWithOffsets(context, encode, tokenOf, false);
    expect(tokens.map((t) => t.token)).toEqual(['the', 'cat', 'sleep', '##s', 'on', 'the', 'mat', '.', 'cafe', '[UNK]', 'park', '!']);
    expect(slices(context, tokens)).toEqual(['The', 'CAT', 'sleep', 's', 'on', 'the', 'Mat', '.', 'Café', 'ﬁne', 'park', '!']);
  });

  it('gives the same ids as tokenizing the whole context at once', () => {
    const context = 'The cat sleeps on the mat. Café! the park';
    expect(tokenizeWithOffsets(context, encode, tokenOf, false).map((t) => t.id)).toEqual(encode(context));
  });
});
