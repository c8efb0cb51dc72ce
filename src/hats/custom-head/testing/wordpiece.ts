import { SPECIAL_TOKENS, tokenId, VOCAB } from '../../../lib/onnx/testing/test-vocab';

/*
 * The fixture tokenizer (BertNormalizer → BertPreTokenizer → WordPiece over the shared test
 * vocabulary) written out in a few lines, so fixture.ts and the unit tests can embed texts with the
 * reference encoder without transformers.js: lowercase, strip accents, split on spaces and
 * punctuation, then longest-match-first word pieces ("##…" inside a word), [UNK] for a word that
 * cannot be spelled with the vocabulary.
 */

const IDS = new Map(VOCAB.map((t, i) => [t, i]));

function pieces(word: string): number[] {
  const out: number[] = [];
  let start = 0;
  while (start < word.length) {
    let end = word.length;
    let found: number | undefined;
    while (end > start) {
      const piece = (start > 0 ? '##' : '') + word.slice(start, end);
      found = IDS.get(piece);
      if (found !== undefined) break;
      end--;
    }
    if (found === undefined) return [tokenId(SPECIAL_TOKENS.unk)];
    out.push(found);
    start = end;
  }
  return out;
}

/** [CLS] … [SEP] ids of one text. */
export function wordpiece(text: string): number[] {
  const normal = text.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
  const words = normal.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
  return [tokenId(SPECIAL_TOKENS.cls), ...words.flatMap(pieces), tokenId(SPECIAL_TOKENS.sep)];
}
