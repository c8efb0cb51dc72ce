import type { Example, Task } from '../types';

/*
 * What the examples can teach, checked before any training: per-label counts, duplicates, labels
 * that contradict each other, targets that are not numbers. Problems stop training; warnings only
 * explain what will go wrong.
 */

/** Fewer examples than this for a label gets a warning. */
export const FEW_PER_LABEL = 5;
/** Most examples one training run takes. */
export const MAX_EXAMPLES = 20_000;
const MAX_LISTED = 5;

export interface LabelCount {
  label: string;
  count: number;
}

export interface DatasetReport {
  task: Task;
  /** The examples training will use: one of each duplicate, valid targets only. */
  usable: Example[];
  /** Classification: examples per label, most first. */
  counts: LabelCount[];
  /** Regression: the range of the targets. */
  range?: { min: number; max: number };
  problems: string[];
  warnings: string[];
}

const list = (xs: (string | number)[]) => xs.slice(0, MAX_LISTED).join(', ') + (xs.length > MAX_LISTED ? ` and ${xs.length - MAX_LISTED} more` : '');
const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 39)}…` : s}”`;

/** A number as people write it: "3", "-2.5", "1e3"; not "", "three", "3 rubs". */
export function parseTarget(label: string): number | undefined {
  const t = label.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function analyse(examples: readonly Example[], task: Task): DatasetReport {
  const problems: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const labelsOfText = new Map<string, Set<string>>();
  const usable: Example[] = [];
  const nonNumeric: number[] = [];
  let duplicates = 0;
  let blank = 0;
  examples.forEach((raw, i) => {
    const text = raw.text.trim();
    const label = raw.label.trim();
    if (!text || !label) {
      blank++;
      return;
    }
    if (task === 'regression' && parseTarget(label) === undefined) {
      nonNumeric.push(i + 1);
      return;
    }
    const key = `${text}\u0000${label}`;
    if (seen.has(key)) {
      duplicates++;
      return;
    }
    seen.add(key);
    labelsOfText.set(text, (labelsOfText.get(text) ?? new Set()).add(label));
    usable.push({ text, label });
  });
  if (blank) warnings.push(`${blank} row${blank === 1 ? ' has' : 's have'} an empty text or label and ${blank === 1 ? 'is' : 'are'} left out.`);
  if (duplicates) warnings.push(`${duplicates} duplicate row${duplicates === 1 ? ' is' : 's are'} counted once: a repeated example would only weigh more.`);
  if (nonNumeric.length) {
    warnings.push(`Regression needs a number as the label; row${nonNumeric.length === 1 ? '' : 's'} ${list(nonNumeric)} ${nonNumeric.length === 1 ? 'is' : 'are'} not a number and left out.`);
  }
  const contradictions = [...labelsOfText].filter(([, labels]) => labels.size > 1);
  if (contradictions.length) {
    const [text, labels] = contradictions[0] as [string, Set<string>];
    warnings.push(`${contradictions.length} text${contradictions.length === 1 ? ' is' : 's are'} labelled two ways (e.g. ${quote(text)}: ${[...labels].join(' and ')}): no head can get both right.`);
  }
  if (usable.length > MAX_EXAMPLES) {
    warnings.push(`${usable.length.toLocaleString()} examples: training takes the first ${MAX_EXAMPLES.toLocaleString()}.`);
    usable.length = MAX_EXAMPLES;
  }

  const report: DatasetReport = { task, usable, counts: [], problems, warnings };
  if (usable.length === 0) {
    problems.push('There are no examples yet. Type a few rows, paste a table, drop a file, or load the sample set.');
    return report;
  }
  if (task === 'classification') {
    const counts = new Map<string, number>();
    for (const e of usable) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
    report.counts = [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    if (counts.size < 2) {
      problems.push(`Every example has the label ${quote(usable[0]?.label ?? '')}. A classifier chooses between labels, so it needs at least two.`);
    } else if (counts.size > 50) {
      problems.push(`There are ${counts.size} different labels; this hat handles at most 50. Is the label column really the label?`);
    }
    const single = report.counts.filter((c) => c.count === 1).map((c) => quote(c.label));
    const few = report.counts.filter((c) => c.count > 1 && c.count < FEW_PER_LABEL).map((c) => quote(c.label));
    if (single.length) warnings.push(`${list(single)} ${single.length === 1 ? 'has' : 'have'} only one example: nothing of it can be held out to check, and the head will barely learn it. Add a few more.`);
    if (few.length) warnings.push(`${list(few)} ${few.length === 1 ? 'has' : 'have'} fewer than ${FEW_PER_LABEL} examples; the held-out accuracy for ${few.length === 1 ? 'it' : 'them'} will be shaky.`);
  } else {
    const ys = usable.map((e) => parseTarget(e.label) as number);
    report.range = { min: Math.min(...ys), max: Math.max(...ys) };
    if (usable.length < 3) problems.push(`Only ${usable.length} example${usable.length === 1 ? '' : 's'} with a number: regression needs at least 3.`);
    else if (report.range.min === report.range.max) problems.push(`Every target is ${report.range.min}: there is nothing to learn. Give examples with different numbers.`);
  }
  return report;
}
