import type { PreTrainedTokenizer } from '@huggingface/transformers';

/*
 * Real repos are minimal where test fixtures are not: google-bert/bert-base-uncased's
 * tokenizer_config.json is only {"do_lower_case": true, "model_max_length": 512}, with no
 * special_tokens_map.json, and transformers.js names the special tokens from tokenizer_config.json
 * alone. Its tokenizer then has no mask_token_id, although tokenizer.json lists [MASK] among its
 * special tokens and Python's BertTokenizer knows it by default.
 */

type Role = 'mask' | 'cls' | 'sep' | 'pad' | 'unk';

/** How each role is spelt by the BERT family (WordPiece) and by the RoBERTa/BART family (byte-level BPE). */
const SPELLINGS: Record<Role, readonly string[]> = {
  mask: ['[MASK]', '<mask>'],
  cls: ['[CLS]', '<s>'],
  sep: ['[SEP]', '</s>'],
  pad: ['[PAD]', '<pad>'],
  unk: ['[UNK]', '<unk>'],
};

type Named = Record<`${Role}_token`, string | null | undefined> & Record<`${Role}_token_id`, number | null | undefined>;

/**
 * Fills in the special tokens the tokenizer's config did not name: [1] first from the special
 * tokens tokenizer.json declares (its added_tokens marked special), [2] then from the vocabulary,
 * as Python's slow tokenizers fall back to their class defaults. A role no spelling matches stays
 * unset. Returns the roles it filled, for the tests.
 */
export function completeSpecialTokens(tokenizer: PreTrainedTokenizer): Role[] {
  const named = tokenizer as unknown as Named;
  const specials = new Set(tokenizer.all_special_tokens);
  const vocab = tokenizer.get_vocab();
  const filled: Role[] = [];
  for (const role of Object.keys(SPELLINGS) as Role[]) {
    if (named[`${role}_token`] && named[`${role}_token_id`] !== undefined && named[`${role}_token_id`] !== null) continue;
    const spelling = SPELLINGS[role].find((t) => specials.has(t)) ?? SPELLINGS[role].find((t) => vocab.has(t)); // [1] [2]
    if (spelling === undefined) continue;
    named[`${role}_token`] = spelling;
    named[`${role}_token_id`] = vocab.get(spelling)!;
    filled.push(role);
  }
  return filled;
}

/**
 * Segment ids for a model that reads token_type_ids when the tokenizer gave none: 0 up to and
 * including the first separator (sentence A), 1 after it (sentence B), as BERT was trained.
 * Without a separator everything is sentence A.
 */
export function segmentIds(ids: readonly number[], sepId: number | null | undefined): number[] {
  const first = sepId === null || sepId === undefined ? -1 : ids.indexOf(sepId);
  return ids.map((_, i) => (first >= 0 && i > first ? 1 : 0));
}
