import { pca2d, type Pca2d } from './pca';
import { cosine, cosineMatrix, keepRows, matrix, meanPool, row, type FloatMatrix } from './vectors';

export interface SentenceVectors {
  tokens: string[];
  special: boolean[];
  /** [tokens, hidden]: this sentence's rows of last_hidden_state, padding left out. */
  hidden: FloatMatrix;
  /** The first token's vector ([CLS] for BERT, <s> for RoBERTa). */
  cls: number[];
  /** Attention-masked mean of all its token vectors. */
  mean: number[];
  /** [PAD] tokens it got in the batch (the mask kept them out of the mean). */
  padding: number;
  /** Longer than the model's window: the vectors are of the first tokens only. */
  truncated: boolean;
  /** [tokens, tokens]: cosine similarity of every token vector with every other. */
  similarity: FloatMatrix;
  pca: Pca2d | null;
}

export interface BaseModelOutput {
  hiddenSize: number;
  /** Padded length of the batch the sentences ran in: the seq of [batch, seq, hidden]. */
  batchLength: number;
  sentences: SentenceVectors[];
  /** Cosine between the two sentences' vectors, when there is a second sentence. */
  pair?: { mean: number; cls: number };
}

export interface BatchRow {
  ids: number[];
  mask: number[];
  truncated: boolean;
}

/**
 * Turns last_hidden_state into what the page shows.
 * [1] last_hidden_state has shape [batch, seq, hidden]: one vector of `hidden` numbers per token per
 *     sentence, the output of the last encoder layer. No head has turned it into labels or words.
 * [2] Each sentence is a row of its own batch, padded to the longest one, the way sentence-transformers
 *     encodes a list: the two sentences never see each other, unlike a [SEP]-joined pair.
 */
export function describeBatch(
  data: Float32Array,
  dims: readonly number[],
  rows: BatchRow[],
  vocab: string[],
  specialIds: ReadonlySet<number>,
): BaseModelOutput {
  const [batch = 0, seq = 0, hidden = 0] = dims;
  if (dims.length !== 3 || batch !== rows.length) {
    throw new Error(`Expected last_hidden_state of shape [${rows.length}, seq, hidden], got [${dims.join(', ')}].`);
  }
  const sentences = rows.map((r, b): SentenceVectors => {
    const padded = matrix(seq, hidden, data.subarray(b * seq * hidden, (b + 1) * seq * hidden));
    const own = keepRows(padded, r.mask);
    const ids = r.ids.filter((_, i) => r.mask[i] === 1);
    return {
      tokens: ids.map((id) => vocab[id] ?? `<${id}>`),
      special: ids.map((id) => specialIds.has(id)),
      hidden: own,
      cls: Array.from(row(own, 0)),
      mean: meanPool(padded, r.mask),
      padding: r.mask.filter((m) => m !== 1).length,
      truncated: r.truncated,
      similarity: cosineMatrix(own),
      pca: pca2d(own),
    };
  });
  const [a, b] = sentences;
  const pair = a && b ? { mean: cosine(a.mean, b.mean), cls: cosine(a.cls, b.cls) } : undefined;
  return { hiddenSize: hidden, batchLength: seq, sentences, pair };
}
