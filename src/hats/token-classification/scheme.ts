/**
 * How a tokenizer writes its tokens, read from its tokenizer.json, so that each token can be found
 * again in the text the person typed (transformers.js gives no character offsets).
 */
export interface TokenScheme {
  /**
   * bytelevel: GPT-2/RoBERTa style, every byte of UTF-8 is written as one printable character ("Ġ" = space).
   * text: the token is (a normalised copy of) the text itself, with the marks below.
   */
  kind: 'bytelevel' | 'text';
  /** Marks a piece that continues a word: "##" in WordPiece (BERT). Empty when the tokenizer has none. */
  continuingPrefix: string;
  /** Marks a piece that ends a word, e.g. "</w>" in some BPE vocabularies. */
  endOfWordSuffix: string;
  /** SentencePiece writes a space as "▁" (Metaspace). Empty when the tokenizer does not. */
  metaspace: string;
  /**
   * [1] The Python pipeline decides whether a token continues a word in one of two ways: when the
   *     tokenizer's model has a `continuing_subword_prefix` (WordPiece "##"), a token whose length differs
   *     from the text it covers is a piece; otherwise it falls back to "no space right before it".
   */
  subwordRule: 'length' | 'space';
  /** WordPiece replaces a whole word (split at spaces and punctuation) by [UNK]. */
  unkIsWholeWord: boolean;
}

type Json = Record<string, unknown> | undefined;

function asObject(v: unknown): Json {
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
}

/** The component itself and, for a `Sequence`, every component inside it. */
function components(v: unknown): Record<string, unknown>[] {
  const o = asObject(v);
  if (!o) return [];
  const inner = [o.pretokenizers, o.decoders, o.normalizers].find(Array.isArray) as unknown[] | undefined;
  return [o, ...(inner ?? []).flatMap(components)];
}

export function readScheme(tokenizerJson: unknown): TokenScheme {
  const json = asObject(tokenizerJson) ?? {};
  const model = asObject(json.model) ?? {};
  const parts = [...components(json.pre_tokenizer), ...components(json.decoder)];
  const byteLevel = parts.some((p) => p.type === 'ByteLevel');
  const meta = parts.find((p) => p.type === 'Metaspace');
  const wordPiece = model.type === 'WordPiece';
  const prefix = typeof model.continuing_subword_prefix === 'string' ? model.continuing_subword_prefix : wordPiece ? '##' : '';
  return {
    kind: byteLevel ? 'bytelevel' : 'text',
    continuingPrefix: prefix,
    endOfWordSuffix: typeof model.end_of_word_suffix === 'string' ? model.end_of_word_suffix : '',
    metaspace: meta ? (typeof meta.replacement === 'string' ? meta.replacement : '▁') : '',
    subwordRule: prefix ? 'length' : 'space',
    unkIsWholeWord: wordPiece,
  };
}

/** BERT's default, for tests and for tokenizers whose JSON says nothing useful. */
export const WORDPIECE: TokenScheme = readScheme({ model: { type: 'WordPiece', continuing_subword_prefix: '##' } });

/** [UNK], or a SentencePiece byte-fallback token like <0xE2>: it stands for text it does not spell. */
export function isPlaceholder(token: string, unkToken: string | undefined): boolean {
  return (!!unkToken && token === unkToken) || /^<0x[0-9A-Fa-f]{2}>$/.test(token);
}
