/*
 * A GPT-2-style byte-level BPE tokenizer.json that transformers.js (and the
 * Rust `tokenizers`) read: every byte has a printable stand-in character [1],
 * a space before a word becomes "Ġ", and the vocabulary holds the 256 byte
 * symbols (so any text can be written) plus whole words. With `ignore_merges`
 * a word in the vocabulary is one token; anything else falls apart into bytes.
 *
 * [1] GPT-2's bytes_to_unicode(): printable Latin-1 bytes stand for
 *     themselves, the other 68 (controls, space, …) are shifted to U+0100 and
 *     up, so " " (0x20) is written "Ġ" (U+0120) and "\n" (0x0A) is "Ċ".
 */

export function bytesToUnicode(): string[] {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const out: string[] = [];
  let shifted = 0;
  for (let b = 0; b < 256; b++) out[b] = String.fromCodePoint(printable(b) ? b : 256 + shifted++);
  return out;
}

export interface ByteLevelVocab {
  /** token → id: 0…255 are the byte symbols, then `words`, then the end-of-text token last. */
  tokens: string[];
  eosToken: string;
}

/**
 * The vocabulary: byte symbols, each word bare and with a leading space ("Ġword"), then the
 * end-of-text token. A one-letter word ("a") is already a byte symbol and is not added twice.
 */
export function byteLevelVocab(words: readonly string[], eosToken = '<|endoftext|>'): ByteLevelVocab {
  const tokens = [...bytesToUnicode()];
  for (const w of words) for (const t of [w, `Ġ${w}`]) if (!tokens.includes(t)) tokens.push(t);
  tokens.push(eosToken);
  return { tokens, eosToken };
}

export function byteLevelTokenizerJson(v: ByteLevelVocab): Record<string, unknown> {
  const eosId = v.tokens.indexOf(v.eosToken);
  return byteLevelBpeJson(
    v.tokens,
    [{ id: eosId, content: v.eosToken, single_word: false, lstrip: false, rstrip: false, normalized: true, special: true }],
    { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
  );
}

/** A byte-level BPE tokenizer.json (GPT-2, RoBERTa): these tokens, no merges, the given added tokens and post-processor. */
export function byteLevelBpeJson(tokens: readonly string[], addedTokens: readonly Record<string, unknown>[], postProcessor: Record<string, unknown>): Record<string, unknown> {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokens,
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: postProcessor,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: true,
      vocab: Object.fromEntries(tokens.map((t, i) => [t, i])),
      merges: [],
    },
  };
}

/** tokenizer_config.json as GPT-2 has it: no start or end token added to the text, one token for all three roles. */
export function byteLevelTokenizerConfig(v: ByteLevelVocab, modelMaxLength: number): Record<string, unknown> {
  return {
    add_bos_token: false,
    add_prefix_space: false,
    bos_token: v.eosToken,
    clean_up_tokenization_spaces: false,
    eos_token: v.eosToken,
    model_max_length: modelMaxLength,
    tokenizer_class: 'GPT2Tokenizer',
    unk_token: v.eosToken,
  };
}
