import { referenceEncoder } from '../../lib/onnx/reference';
import type { FixtureModelSpec } from '../../lib/onnx/fixture/fixture-spec';
import { SPECIAL_TOKENS, tokenId, VOCAB } from '../../lib/onnx/fixture/test-vocab';
import { pool } from './pooling';

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

/**
 * Sentence vectors of a fixture model computed in plain TypeScript (float64 reference encoder, mean
 * pooling, normalized), as the browser computes them with ONNX Runtime up to rounding.
 */
export function referenceEmbedder(spec: Pick<FixtureModelSpec, 'config' | 'modelMaxLength' | 'weights'>): (text: string) => Float32Array {
  const weights = spec.weights();
  const cache = new Map<string, Float32Array>();
  return (text) => {
    const hit = cache.get(text);
    if (hit) return hit;
    const ids = wordpiece(text).slice(0, spec.modelMaxLength);
    const xs = referenceEncoder(spec.config, weights, ids);
    const vector = pool(xs.flat(), ids.map(() => 1), spec.config.hiddenSize, 'mean', true);
    cache.set(text, vector);
    return vector;
  };
}
