import Papa from 'papaparse';
import type { Example } from '../types';

/*
 * Pasted or dropped tables of examples: CSV or TSV (papaparse guesses the delimiter), two columns,
 * text then label. A first row naming its columns (text, label, …) is a header and is skipped; a
 * header that names the columns the other way round (label, text) is honoured.
 * Bad lines are reported by their line number and left out; every good line is kept.
 */

export interface LineProblem {
  line: number;
  message: string;
}

export interface ParsedTable {
  examples: Example[];
  problems: LineProblem[];
  /** The header's name for the label column (e.g. "paw rubs"), if there was a header. */
  labelName?: string;
}

const TEXT_NAMES = ['text', 'sentence', 'entry', 'example', 'input', 'diary', 'review'];
const LABEL_NAMES = ['label', 'labels', 'class', 'category', 'mood', 'target', 'value', 'y', 'score'];

/** Largest pasted or dropped table (characters). */
export const MAX_TABLE_CHARS = 5_000_000;

export function parseTable(input: string): ParsedTable {
  if (input.length > MAX_TABLE_CHARS) {
    return { examples: [], problems: [{ line: 1, message: `The table is ${(input.length / 1e6).toFixed(1)} million characters; at most ${MAX_TABLE_CHARS / 1e6} million are read.` }] };
  }
  const text = input.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: ['\t', ',', ';', '|'] });
  const rows = result.data;
  const lines = lineNumbers(rows);
  const problems: LineProblem[] = [];
  const badRows = new Set<number>();
  for (const e of result.errors) {
    if (e.code === 'UndetectableDelimiter') continue;
    // Quote errors spoil the record they start in.
    const row = e.row ?? 0;
    badRows.add(row);
    problems.push({ line: lines[row] ?? row + 1, message: e.code === 'MissingQuotes' || e.code === 'InvalidQuotes' ? 'a quote is not closed' : e.message });
  }
  let textCol = 0;
  let labelCol = 1;
  let start = 0;
  let labelName: string | undefined;
  const first = rows[0]?.map((c) => c.trim().toLowerCase());
  if (first && first.length >= 2) {
    const t = first.findIndex((c) => TEXT_NAMES.includes(c));
    const l = first.findIndex((c, i) => i !== t && (LABEL_NAMES.includes(c) || (t >= 0 && c !== '' && first.length === 2)));
    if (t >= 0 && l >= 0) {
      [textCol, labelCol, start] = [t, l, 1];
      labelName = rows[0]?.[l]?.trim();
    }
  }
  const examples: Example[] = [];
  for (let r = start; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (badRows.has(r)) continue;
    if (row.every((c) => c.trim() === '')) continue;
    const line = lines[r] ?? r + 1;
    if (row.length < 2) {
      problems.push({ line, message: 'only one column: a text and a label are needed' });
      continue;
    }
    const t = (row[textCol] ?? '').trim();
    const l = (row[labelCol] ?? '').trim();
    if (!t) problems.push({ line, message: 'the text is empty' });
    else if (!l) problems.push({ line, message: 'the label is empty' });
    else if (row.length > 2 && row.slice(2).some((c) => c.trim() !== '') && start === 0) {
      problems.push({ line, message: `${row.length} columns: put quotes around a text that contains the separator` });
    } else examples.push({ text: t, label: l });
  }
  return { examples, problems: problems.sort((a, b) => a.line - b.line), ...(labelName ? { labelName } : {}) };
}

/**
 * Papa's row index counts records, not lines; a quoted text may span lines. The line a record starts on
 * is 1 + the newlines in every record before it: the line the person sees in their editor.
 */
function lineNumbers(rows: string[][]): number[] {
  const out: number[] = [];
  let line = 1;
  for (const row of rows) {
    out.push(line);
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  return out;
}
