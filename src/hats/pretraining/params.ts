import { changed, collect, textParam } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';

export type TrueRelation = '' | 'true' | 'false';

export interface PretrainingParams {
  sentence_a: string;
  sentence_b: string;
  /** The true token behind each mask, in order (A's masks, then B's); '' where it is not given. */
  labels: string[];
  /** Whether B really follows A: 'true' (IsNext), 'false' (NotNext) or '' (not given). */
  is_next: TrueRelation;
}

export const MAX_MASKS = 20;
const MAX_LABEL = 100;

/** Blank labels at the end carry nothing: ['store', ''] and ['store'] mean the same. */
function withoutTrailingBlanks(labels: string[]): string[] {
  let end = labels.length;
  while (end > 0 && !labels[end - 1]!.trim()) end--;
  return labels.slice(0, end);
}

export const pretrainingCodec: ParamsCodec<PretrainingParams> = {
  // The example from the BERT paper (Devlin et al., 2018, §3.1), with its true tokens and label.
  defaults: { sentence_a: 'The man went to the [MASK].', sentence_b: 'He bought a gallon of [MASK].', labels: ['store', 'milk'], is_next: 'true' },
  parse(query) {
    const c = collect();
    const sentence_a = c.take(textParam(query, 'sentence_a', this.defaults.sentence_a));
    const sentence_b = c.take(textParam(query, 'sentence_b', this.defaults.sentence_b));
    const raw = query.getAll('labels');
    if (raw.length > MAX_MASKS) c.notices.push(`The link has ${raw.length} true tokens; only the first ${MAX_MASKS} were kept.`);
    // [1] A label is one token: spaces around it mean nothing, and a long one cannot be a token at all.
    const labels = query.has('labels') ? withoutTrailingBlanks(raw.slice(0, MAX_MASKS).map((l) => l.trim().slice(0, MAX_LABEL))) : [...this.defaults.labels];
    const relation = query.get('is_next');
    let is_next = this.defaults.is_next;
    if (relation !== null) {
      if (relation === '' || relation === 'true' || relation === 'false') is_next = relation;
      else c.notices.push(`The link's “is_next” (${relation.slice(0, 20)}) must be true or false; using ${this.defaults.is_next || 'not given'}.`);
    }
    return { params: { sentence_a, sentence_b, labels, is_next }, notices: c.notices };
  },
  serialize(p) {
    const given = withoutTrailingBlanks(p.labels);
    const sameLabels = given.length === this.defaults.labels.length && given.every((l, i) => l === this.defaults.labels[i]);
    // No labels at all is written as one empty value, so the link does not fall back to the defaults.
    const labels: [string, string][] = sameLabels ? [] : given.length ? given.map((l) => ['labels', l]) : [['labels', '']];
    return [
      ...changed([
        ['sentence_a', p.sentence_a, this.defaults.sentence_a],
        ['sentence_b', p.sentence_b, this.defaults.sentence_b],
        ['is_next', p.is_next, this.defaults.is_next],
      ]),
      ...labels,
    ];
  },
};
