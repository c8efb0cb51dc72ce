/*
 * Question + context → the model's input windows.
 *
 * [1] Every model packs a pair its own way: BERT `[CLS] q [SEP] c [SEP]`, RoBERTa `<s> q </s></s> c </s>`.
 *     The template is read off the tokenizer by encoding a known pair once, so the hat builds windows from
 *     ids it already has (and whose character offsets it knows) without guessing the special tokens.
 * [2] A context longer than the window is read in overlapping slices, like the Python pipeline's
 *     `doc_stride`: each slice repeats the last `stride` tokens of the one before, so an answer cut by one
 *     border lies whole inside the next slice.
 */

export interface PairTemplate {
  prefix: number[];
  middle: number[];
  suffix: number[];
  prefixTypes: number[];
  middleTypes: number[];
  suffixTypes: number[];
  /** Segment id of the first (question) and second (context) text. */
  typeA: number;
  typeB: number;
}

export interface Encoded {
  ids: number[];
  types?: number[];
}

function indexOfRun(haystack: number[], needle: number[], from: number): number {
  for (let i = from; i + needle.length <= haystack.length; i++) {
    if (needle.every((v, k) => haystack[i + k] === v)) return i;
  }
  return -1;
}

/** [1] Splits the encoding of a pair (a, b) into the special tokens around and between them. */
export function pairTemplate(pair: Encoded, a: number[], b: number[]): PairTemplate {
  const at = indexOfRun(pair.ids, a, 0);
  const bt = at < 0 ? -1 : indexOfRun(pair.ids, b, at + a.length);
  if (at < 0 || bt < 0) throw new Error('The tokenizer does not keep a text pair as two runs of tokens; this hat cannot build its input.');
  const types = pair.types ?? pair.ids.map(() => 0);
  const cut = (from: number, to: number) => [pair.ids.slice(from, to), types.slice(from, to)] as const;
  const [prefix, prefixTypes] = cut(0, at);
  const [middle, middleTypes] = cut(at + a.length, bt);
  const [suffix, suffixTypes] = cut(bt + b.length, pair.ids.length);
  return { prefix, middle, suffix, prefixTypes, middleTypes, suffixTypes, typeA: types[at] ?? 0, typeB: types[bt] ?? 0 };
}

export function specialCount(t: PairTemplate): number {
  return t.prefix.length + t.middle.length + t.suffix.length;
}

export interface WindowSlice {
  /** Context tokens [start, end) that this window holds. */
  start: number;
  end: number;
}

/** [2] Slices of at most `capacity` context tokens, each overlapping the previous by `stride`. */
export function planWindows(total: number, capacity: number, stride: number): WindowSlice[] {
  if (capacity < 1) throw new Error('A window must hold at least one context token.');
  const step = capacity - Math.min(stride, capacity - 1);
  const slices: WindowSlice[] = [];
  for (let start = 0; ; start += step) {
    const end = Math.min(start + capacity, total);
    slices.push({ start, end });
    if (end >= total) return slices;
  }
}

export interface WindowInput {
  ids: number[];
  types: number[];
  /** Position of the first question token inside the window. */
  questionOffset: number;
  /** Position of the first context token inside the window. */
  contextOffset: number;
  /** Position whose start/end scores mean "no answer" (the leading [CLS] / <s>), if the template has one. */
  nullIndex: number | null;
}

export function buildWindow(t: PairTemplate, question: number[], context: number[]): WindowInput {
  const ids = [...t.prefix, ...question, ...t.middle, ...context, ...t.suffix];
  const types = [
    ...t.prefixTypes,
    ...question.map(() => t.typeA),
    ...t.middleTypes,
    ...context.map(() => t.typeB),
    ...t.suffixTypes,
  ];
  return {
    ids,
    types,
    questionOffset: t.prefix.length,
    contextOffset: t.prefix.length + question.length + t.middle.length,
    nullIndex: t.prefix.length > 0 ? 0 : null,
  };
}
