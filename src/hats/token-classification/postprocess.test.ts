import { describe, expect, it } from 'vitest';
import { buildOutput, isSubword, labelList, softmaxRows } from './postprocess';
import { isPlaceholder, readScheme, WORDPIECE } from './scheme';
import { segments } from './segments';

const ID2LABEL = { '0': 'O', '1': 'B-PER', '2': 'I-PER', '3': 'B-LOC' };
// Like encode(): every token in all_special_ids is marked special, [UNK] included.
const rows = (...tokens: string[]) => tokens.map((token) => ({ token, special: token.startsWith('[') }));
/** Logits that make `label` the winner of a row with probability e^4 / (e^4 + 3) ≈ 0.948. */
const logitsFor = (...winners: number[]) => winners.flatMap((w) => [0, 1, 2, 3].map((k) => (k === w ? 4 : 0)));

describe('buildOutput', () => {
  it('turns logits into per-token probabilities with offsets, special tokens left out', () => {
    const text = 'Miya lives in Paris';
    const out = buildOutput({
      text,
      rows: rows('[CLS]', 'miya', 'lives', 'in', 'paris', '[SEP]'),
      logits: logitsFor(0, 1, 0, 0, 3, 0),
      id2label: ID2LABEL,
      scheme: WORDPIECE,
      unkToken: '[UNK]',
      truncated: false,
    });
    expect(out.labels).toEqual(['O', 'B-PER', 'I-PER', 'B-LOC']);
    expect(out.tokens.map((t) => [t.index, text.slice(t.start, t.end)])).toEqual([[1, 'Miya'], [2, 'lives'], [3, 'in'], [4, 'Paris']]);
    const e4 = Math.exp(4);
    expect(out.tokens[0]!.scores[1]).toBeCloseTo(e4 / (e4 + 3), 6);
    expect(out.tokens[0]!.scores.reduce((a, b) => a + b)).toBeCloseTo(1, 6);
    expect(out.readUpTo).toBe(text.length);
  });

  it('marks word pieces and [UNK], and says how far a truncated text was read', () => {
    const text = 'annabel 🐈 paris and more words';
    const out = buildOutput({
      text,
      rows: rows('[CLS]', 'ann', '##abel', '[UNK]', 'paris', '[SEP]'),
      logits: logitsFor(0, 1, 2, 0, 3, 0),
      scheme: WORDPIECE,
      unkToken: '[UNK]',
      truncated: true,
    });
    expect(out.tokens.map((t) => [t.token, t.isSubword, t.placeholder])).toEqual([
      ['ann', false, false], ['##abel', true, false], ['[UNK]', false, true], ['paris', false, false],
    ]);
    expect(out.readUpTo).toBe(text.indexOf('paris') + 5);
    expect(out.labels).toEqual(['LABEL_0', 'LABEL_1', 'LABEL_2', 'LABEL_3']);
  });
});

describe('isSubword (the Python pipeline’s test)', () => {
  it('with a ## prefix: the token’s length against the text it covers, in code points', () => {
    expect(isSubword('##abel', 3, 7, 'annabel', 'length', false)).toBe(true);
    expect(isSubword('ann', 0, 3, 'Annabel', 'length', false)).toBe(false);
    expect(isSubword('cafe', 0, 4, 'café', 'length', false)).toBe(false);
    expect(isSubword('[UNK]', 0, 2, '🐈', 'length', true)).toBe(false);
  });
  it('without one: a piece unless a plain space is right before it or at its start', () => {
    expect(isSubword('▁Par', 0, 3, 'Paris', 'space', false)).toBe(false);
    expect(isSubword('is', 3, 5, 'Paris', 'space', false)).toBe(true);
    expect(isSubword('▁in', 6, 8, 'lives in', 'space', false)).toBe(false);
    // Python's quirk, kept: after a newline (not a space) a word counts as a piece.
    expect(isSubword('in', 6, 8, 'lives\nin', 'space', false)).toBe(true);
  });
});

describe('scheme and helpers', () => {
  it('reads how the tokenizer marks pieces from tokenizer.json', () => {
    expect(readScheme({ model: { type: 'WordPiece', continuing_subword_prefix: '##' } })).toMatchObject({ kind: 'text', continuingPrefix: '##', subwordRule: 'length', unkIsWholeWord: true });
    expect(readScheme({ model: { type: 'BPE' }, pre_tokenizer: { type: 'ByteLevel' } })).toMatchObject({ kind: 'bytelevel', subwordRule: 'space' });
    const xlmr = readScheme({ model: { type: 'Unigram' }, pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Metaspace', replacement: '▁' }] } });
    expect(xlmr).toMatchObject({ kind: 'text', metaspace: '▁', subwordRule: 'space', unkIsWholeWord: false });
    expect(readScheme(undefined)).toMatchObject({ kind: 'text', subwordRule: 'space' });
  });
  it('knows placeholders, label lists and row-wise softmax', () => {
    expect([isPlaceholder('[UNK]', '[UNK]'), isPlaceholder('<0xE2>', '<unk>'), isPlaceholder('unk', '[UNK]')]).toEqual([true, true, false]);
    expect(labelList({ '1': 'B' }, 2)).toEqual(['LABEL_0', 'B']);
    expect(softmaxRows([0, 0, Math.log(3), 0], 2, 2).map((r) => r.map((p) => +p.toFixed(2)))).toEqual([[0.5, 0.5], [0.75, 0.25]]);
  });
});

describe('segments', () => {
  it('cuts the text into plain and entity runs, keeping accents with their letter', () => {
    const text = 'Cafe\u0301 in Paris';
    expect(segments(text, [{ start: 0, end: 4 }, { start: 9, end: 14 }])).toEqual([
      { text: 'Cafe\u0301', start: 0, entity: 0 },
      { text: ' in ', start: 5 },
      { text: 'Paris', start: 9, entity: 1 },
    ]);
  });
  it('skips empty and repeated spans and greys out what the model never read', () => {
    const text = 'a 🐈 b c';
    expect(segments(text, [{ start: 2, end: 4 }, { start: 2, end: 4 }, { start: 5, end: 5 }], 6)).toEqual([
      { text: 'a ', start: 0 },
      { text: '🐈', start: 2, entity: 0 },
      { text: ' b', start: 4 },
      { text: ' c', start: 6, unread: true },
    ]);
  });
});
