/**
 * The aggregation strategies of transformers' Python TokenClassificationPipeline, step for step
 * (gather_pre_entities → aggregate → aggregate_words → group_entities → drop "O"), so the page and
 * `pipeline("token-classification", aggregation_strategy=…)` give the same entities.
 */

export const STRATEGIES = ['none', 'simple', 'first', 'average', 'max'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** One line per strategy, for the switch. */
export const STRATEGY_NOTES: Record<Strategy, string> = {
  none: 'every token on its own, with its B-/I- tag',
  simple: 'neighbouring tokens of one type merge; a B- starts a new entity',
  first: 'each word takes the tag of its first piece, then words merge',
  average: 'each word averages its pieces’ scores, then words merge',
  max: 'each word takes the tag of its most confident piece, then words merge',
};

/** One token the model tagged (special tokens are left out, as the pipeline does). */
export interface ScoredToken {
  start: number;
  end: number;
  /** The token continues the word before it (see postprocess.isSubword). */
  isSubword: boolean;
  /** Softmax probability of every label, in id order. */
  scores: number[];
}

/** A tagged token, a tagged word, or a group of them: what the pipeline returns. */
export interface Tagged {
  /** The full label (B-PER) for tokens and words; the entity type (PER) for groups. */
  label: string;
  score: number;
  start: number;
  end: number;
  /** Positions in the token list it covers. */
  tokens: number[];
}

/** numpy's argmax: the first of equal maxima. */
function argmax(xs: number[]): number {
  let best = 0;
  xs.forEach((x, i) => {
    if (x > xs[best]!) best = i;
  });
  return best;
}

/** numpy's nanmean: NaN entries are left out. */
function nanmean(xs: number[]): number {
  const ok = xs.filter((x) => !Number.isNaN(x));
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
}

const labelOf = (labels: string[], i: number) => labels[i] ?? `LABEL_${i}`;

function tag(labels: string[], scores: number[], start: number, end: number, tokens: number[]): Tagged {
  const i = argmax(scores);
  return { label: labelOf(labels, i), score: scores[i]!, start, end, tokens };
}

/** none and simple: every token keeps its own best label. */
export function tagTokens(tokens: ScoredToken[], labels: string[]): Tagged[] {
  return tokens.map((t, i) => tag(labels, t.scores, t.start, t.end, [i]));
}

/**
 * [1] first / average / max: the pieces of one word are made to agree before grouping.
 *     first: the label of the word's first piece; max: the label of the piece whose best score is highest;
 *     average: average the probability vectors of all pieces, then take the best label.
 */
export function tagWords(tokens: ScoredToken[], labels: string[], strategy: 'first' | 'average' | 'max'): Tagged[] {
  const words: number[][] = [];
  tokens.forEach((t, i) => {
    const last = words[words.length - 1];
    if (last && t.isSubword) last.push(i);
    else words.push([i]);
  });
  return words.map((ids) => {
    const pieces = ids.map((i) => tokens[i]!);
    const start = pieces[0]!.start;
    const end = pieces[pieces.length - 1]!.end;
    if (strategy === 'first') return tag(labels, pieces[0]!.scores, start, end, ids);
    if (strategy === 'max') {
      const best = pieces.reduce((a, b) => (Math.max(...b.scores) > Math.max(...a.scores) ? b : a));
      return tag(labels, best.scores, start, end, ids);
    }
    const mean = pieces[0]!.scores.map((_, k) => nanmean(pieces.map((p) => p.scores[k]!)));
    return tag(labels, mean, start, end, ids);
  });
}

/** [2] "B-PER" → ["B", "PER"], "I-PER" → ["I", "PER"]; anything else (O, NOUN) counts as a continuation. */
export function getTag(label: string): ['B' | 'I', string] {
  if (label.startsWith('B-')) return ['B', label.slice(2)];
  if (label.startsWith('I-')) return ['I', label.slice(2)];
  return ['I', label];
}

/** The group's name: the first member's label after its first "-", as Python's split("-", 1)[-1]. */
function groupName(label: string): string {
  const dash = label.indexOf('-');
  return dash < 0 ? label : label.slice(dash + 1);
}

/**
 * [3] simple grouping: a tagged item joins the open group when it has the same type and is not a "B-";
 *     a "B-" always opens a new group, even right after the same type. The group's score is the mean.
 */
export function groupEntities(items: Tagged[]): Tagged[] {
  const groups: Tagged[][] = [];
  for (const item of items) {
    const open = groups[groups.length - 1];
    const last = open?.[open.length - 1];
    const [bi, type] = getTag(item.label);
    if (open && last && type === getTag(last.label)[1] && bi !== 'B') open.push(item);
    else groups.push([item]);
  }
  return groups.map((g) => ({
    label: groupName(g[0]!.label),
    score: nanmean(g.map((e) => e.score)),
    start: g[0]!.start,
    end: g[g.length - 1]!.end,
    tokens: g.flatMap((e) => e.tokens),
  }));
}

/** [4] What the pipeline returns: items labelled with one of `ignore` (by default "O") are dropped last. */
export function aggregate(tokens: ScoredToken[], labels: string[], strategy: Strategy, ignore: readonly string[] = ['O']): Tagged[] {
  const tagged = strategy === 'none' || strategy === 'simple' ? tagTokens(tokens, labels) : tagWords(tokens, labels, strategy);
  const out = strategy === 'none' ? tagged : groupEntities(tagged);
  return out.filter((e) => !ignore.includes(e.label));
}
