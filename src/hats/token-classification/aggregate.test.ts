import { describe, expect, it } from 'vitest';
import { aggregate, getTag, groupEntities, type ScoredToken, type Strategy } from './aggregate';

// Deliberately not alphabetical and not O-first: labels are looked up by id, never by position in a sorted list.
const LABELS = ['B-LOC', 'O', 'I-PER', 'B-PER', 'I-LOC', 'B-ORG', 'I-ORG'];
const ID = Object.fromEntries(LABELS.map((l, i) => [l, i]));

/** A token with the given probabilities per label (0 for the others). */
function tok(start: number, end: number, probs: Record<string, number>, isSubword = false): ScoredToken {
  const scores = LABELS.map(() => 0);
  for (const [label, p] of Object.entries(probs)) scores[ID[label]!] = p;
  return { start, end, isSubword, scores };
}

const brief = (tokens: ScoredToken[], s: Strategy) =>
  aggregate(tokens, LABELS, s).map((e) => `${e.label} ${e.start}-${e.end} ${e.score.toFixed(3)}`);

// "annabel lives in paris" → ann ##abel lives in paris
const annabel = [
  tok(0, 3, { 'B-PER': 0.9, O: 0.1 }),
  tok(3, 7, { 'I-PER': 0.8, O: 0.2 }, true),
  tok(8, 13, { O: 0.99 }),
  tok(14, 16, { O: 0.97 }),
  tok(17, 22, { 'B-LOC': 0.95, O: 0.05 }),
];

describe('aggregate: the Python pipeline’s strategies', () => {
  it('none: one item per token with its full BIO label; O dropped', () => {
    expect(brief(annabel, 'none')).toEqual(['B-PER 0-3 0.900', 'I-PER 3-7 0.800', 'B-LOC 17-22 0.950']);
    expect(aggregate(annabel, LABELS, 'none')[1]!.tokens).toEqual([1]);
  });

  it('simple: B- then I- of the same type merge into one entity named by its type, scores averaged', () => {
    expect(brief(annabel, 'simple')).toEqual(['PER 0-7 0.850', 'LOC 17-22 0.950']);
    expect(aggregate(annabel, LABELS, 'simple')[0]!.tokens).toEqual([0, 1]);
  });

  it('first / average / max disagree when the pieces of one word disagree', () => {
    // One word, three pieces: first says B-PER, max picks the most confident piece (B-LOC), average says I-PER.
    const word = [
      tok(0, 2, { 'B-PER': 0.55, 'I-PER': 0.45 }),
      tok(2, 4, { 'B-LOC': 0.6, 'I-PER': 0.4 }, true),
      tok(4, 6, { 'I-PER': 0.5, 'B-PER': 0.5 }, true),
    ];
    expect(brief(word, 'first')).toEqual(['PER 0-6 0.550']);
    expect(brief(word, 'max')).toEqual(['LOC 0-6 0.600']);
    expect(brief(word, 'average')).toEqual(['PER 0-6 0.450']);
    expect(aggregate(word, LABELS, 'average')[0]!.tokens).toEqual([0, 1, 2]);
    // Token by token, simple keeps the disagreement: PER, then LOC, then PER again.
    expect(brief(word, 'simple').map((s) => s.split(' ')[0])).toEqual(['PER', 'LOC', 'PER']);
  });

  it('first: a piece tagged O cannot drop out of its word', () => {
    const pieces = [tok(0, 3, { 'B-PER': 0.7, O: 0.3 }), tok(3, 7, { O: 0.9, 'I-PER': 0.1 }, true)];
    expect(brief(pieces, 'simple')).toEqual(['PER 0-3 0.700']);
    expect(brief(pieces, 'first')).toEqual(['PER 0-7 0.700']);
    // average: O gets (0.3 + 0.9) / 2 = 0.6 and wins, so the whole word is outside any entity and dropped.
    expect(brief(pieces, 'average')).toEqual([]);
  });

  it('groups words after voting: hugging face is one organisation', () => {
    const hf = [tok(0, 7, { 'B-ORG': 0.9 }), tok(8, 12, { 'I-ORG': 0.7 })];
    for (const s of ['simple', 'first', 'average', 'max'] as const) expect(brief(hf, s)).toEqual(['ORG 0-12 0.800']);
  });
});

describe('groupEntities: BIO grouping', () => {
  const item = (label: string, start: number) => ({ label, score: 1, start, end: start + 1, tokens: [start] });
  const groups = (...labels: string[]) => groupEntities(labels.map(item)).map((g) => `${g.label}:${g.tokens.join('')}`);

  it('a B- always opens a new entity, even right after the same type', () => {
    expect(groups('B-PER', 'B-PER', 'I-PER')).toEqual(['PER:0', 'PER:12']);
  });
  it('an I- of another type, or an O, ends the entity', () => {
    expect(groups('B-PER', 'I-LOC', 'I-LOC', 'O', 'I-LOC')).toEqual(['PER:0', 'LOC:12', 'O:3', 'LOC:4']);
  });
  it('an I- without a B- still opens an entity', () => {
    expect(groups('I-ORG', 'I-ORG')).toEqual(['ORG:01']);
  });
  it('labels without B-/I- (POS tags) merge with neighbours of the same tag, as in Python', () => {
    expect(groups('NOUN', 'NOUN', 'VERB')).toEqual(['NOUN:01', 'VERB:2']);
  });
  it('other prefixes are not BIO to get_tag, but the group name still drops them (split("-", 1))', () => {
    expect(getTag('E-PER')).toEqual(['I', 'E-PER']);
    expect(groups('B-PER', 'E-PER')).toEqual(['PER:0', 'PER:1']);
  });
});

it('names labels the config does not have LABEL_n, and honours other ignore lists', () => {
  const t = [{ start: 0, end: 1, isSubword: false, scores: [0.1, 0.9] }];
  expect(aggregate(t, [], 'none').map((e) => e.label)).toEqual(['LABEL_1']);
  expect(aggregate(t, ['A', 'B'], 'simple', ['B'])).toEqual([]);
});
