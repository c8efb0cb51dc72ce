import { describe, expect, it } from 'vitest';
import { parseTable } from './csv';

describe('parseTable', () => {
  it('reads CSV with a header, and quoted texts with commas and new lines', () => {
    const t = parseTable('text,mood\n"I ate, then slept",sleepy\n"Zoom\nzoom",playful\n');
    expect(t.examples).toEqual([
      { text: 'I ate, then slept', label: 'sleepy' },
      { text: 'Zoom\nzoom', label: 'playful' },
    ]);
    expect(t.labelName).toBe('mood');
    expect(t.problems).toEqual([]);
  });

  it('reads TSV without a header, and a header in the other order', () => {
    expect(parseTable('Nap time\tsleepy\nDinner!\thungry').examples).toEqual([
      { text: 'Nap time', label: 'sleepy' },
      { text: 'Dinner!', label: 'hungry' },
    ]);
    expect(parseTable('label\ttext\n3\tkneaded the cushion').examples).toEqual([{ text: 'kneaded the cushion', label: '3' }]);
  });

  it('reports malformed lines by number and keeps the rest', () => {
    const t = parseTable(['text,label', 'good one,a', 'no label here', ',b', 'empty label,', 'fine too,b', 'last,a'].join('\n'));
    expect(t.examples.map((e) => e.text)).toEqual(['good one', 'fine too', 'last']);
    expect(t.problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(t.problems[0]!.message).toMatch(/only one column/);
    expect(t.problems[1]!.message).toMatch(/text is empty/);
    expect(t.problems[2]!.message).toMatch(/label is empty/);
  });

  it('reports an unquoted separator in a table without a header', () => {
    const t = parseTable('first,a\nI ate, then slept,b\nlast,a');
    expect(t.examples.map((e) => e.text)).toEqual(['first', 'last']);
    expect(t.problems).toEqual([{ line: 2, message: expect.stringMatching(/3 columns: put quotes around/) as string }]);
  });

  it('counts lines inside quoted texts when numbering problems', () => {
    const t = parseTable('"two\nlines",a\nbroken\nok,b');
    expect(t.problems).toEqual([{ line: 3, message: expect.stringMatching(/only one column/) as string }]);
  });

  it('refuses a table too big to read', () => {
    expect(parseTable('x'.repeat(5_000_001)).problems[0]!.message).toMatch(/at most 5 million/);
  });
});
