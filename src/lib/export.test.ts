import { describe, expect, it } from 'vitest';
import { fileName, tableToCsv } from './export';

describe('export', () => {
  it('writes a CSV with its header first, quoting commas, quotes and line breaks', () => {
    const csv = tableToCsv({ header: ['token', 'score'], rows: [['a,b', 0.5], ['say "hi"', 1], ['two\nlines', -2]] });
    expect(csv.startsWith('\uFEFFtoken,score\r\n')).toBe(true);
    expect(csv).toContain('"a,b",0.5\r\n');
    expect(csv).toContain('"say ""hi""",1\r\n');
    expect(csv).toContain('"two\nlines",-2\r\n');
  });

  it('names files safely', () => {
    expect(fileName('Tokens on a 2-D map (PCA)', 'png')).toBe('tokens-on-a-2-d-map-pca.png');
    expect(fileName('???', 'csv')).toBe('chart.csv');
  });
});
