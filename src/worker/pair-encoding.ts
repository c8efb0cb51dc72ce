import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { TokenRow, TokensInfo } from '@/engine/protocol';

/** Token ids of one sentence pair, as the tokenizer gives them before any truncation. */
export interface PairIds {
  /** With special tokens: [CLS] A [SEP] B [SEP]. */
  full: number[];
  /** Each sentence alone, without special tokens. */
  a: number[];
  b: number[];
}

export interface PairEncoding {
  ids: number[];
  /** Segment (token type) ids: 0 for [CLS] A [SEP], 1 for B [SEP]. */
  types: number[];
  tokens: TokensInfo;
}

/**
 * Fits a sentence pair into the model's window the way Python's tokenizers do by default.
 * [1] "longest_first": while the pair is too long, drop the last token of whichever sentence is longer.
 *     Both sentences keep their separators, so the model still sees two segments. (transformers.js'
 *     own truncation cuts the joined ids at max_length, which can drop B and its [SEP] entirely.)
 * [2] BERT reads a pair as [CLS] A [SEP] B [SEP] with token type 0 up to the first [SEP], 1 after it.
 */
export function fitPair({ full, a, b }: PairIds, maxLength: number, vocab: string[], specialIds: ReadonlySet<number>): PairEncoding {
  if (full.length !== a.length + b.length + 3) {
    throw new Error('This tokenizer does not build a pair as [CLS] A [SEP] B [SEP]; only BERT-style tokenizers are supported.');
  }
  const cls = full[0]!;
  const sep = full[a.length + 1]!;
  let keepA = a.length;
  let keepB = b.length;
  while (keepA + keepB + 3 > maxLength && keepA + keepB > 0) {
    if (keepA > keepB) keepA--;
    else keepB--;
  }
  const ids = [cls, ...a.slice(0, keepA), sep, ...b.slice(0, keepB), sep];
  const types = ids.map((_, i) => (i < keepA + 2 ? 0 : 1));
  const rows: TokenRow[] = ids.map((id, i) => ({ token: vocab[id] ?? `<${id}>`, id, special: specialIds.has(id), typeId: types[i], attention: 1 }));
  return {
    ids,
    types,
    tokens: { rows, fullLength: full.length, maxLength, truncated: ids.length < full.length },
  };
}

/**
 * Pads pairs of different lengths into one rectangular batch.
 * [3] Padding positions get attention_mask 0, so attention gives them no weight and the scores of the
 *     real tokens do not change; only [CLS] is read by the head anyway.
 */
export function padBatch(pairs: PairEncoding[], padId: number) {
  const width = Math.max(...pairs.map((p) => p.ids.length));
  const pad = (row: number[], value: number) => [...row, ...Array<number>(width - row.length).fill(value)];
  return {
    input_ids: pairs.map((p) => pad(p.ids, padId)),
    token_type_ids: pairs.map((p) => pad(p.types, 0)),
    attention_mask: pairs.map((p) => pad(p.ids.map(() => 1), 0)),
  };
}

/** Ids of a text (or a pair, with special tokens) and the fitted pair, for one checkpoint's tokenizer. */
export function pairTokenizer(tokenizer: PreTrainedTokenizer, vocab: string[], maxLength: number) {
  const special = new Set(tokenizer.all_special_ids);
  const ids = (text: string, pair?: string) =>
    (tokenizer(text, { text_pair: pair ?? null, add_special_tokens: pair !== undefined, return_tensor: false }) as unknown as { input_ids: number[] })
      .input_ids;
  return {
    ids,
    fit: (a: string, b: string) => fitPair({ full: ids(a, b), a: ids(a), b: ids(b) }, maxLength, vocab, special),
  };
}
