import { describe, expect, it } from 'vitest';
import { cosine, cosineMatrix, keepRows, matrix, meanPool } from './vectors';

const m = (rows: number[][]) => matrix(rows.length, rows[0]!.length, Float32Array.from(rows.flat()));

describe('meanPool', () => {
  it('averages only the rows the attention mask keeps', () => {
    const hidden = m([
      [1, 2],
      [3, 4],
      [100, -100], // padding: the model still computed something here
    ]);
    expect(meanPool(hidden, [1, 1, 0])).toEqual([2, 3]);
    expect(meanPool(hidden, [1, 1, 1])).toEqual([104 / 3, -94 / 3]);
  });

  it('gives a sentence the same vector alone and padded in a batch', () => {
    const alone = m([
      [0.5, -1],
      [1.5, 3],
    ]);
    const padded = m([
      [0.5, -1],
      [1.5, 3],
      [9, 9],
      [9, 9],
    ]);
    expect(meanPool(padded, [1, 1, 0, 0])).toEqual(meanPool(alone, [1, 1]));
  });

  it('is all zeros when nothing is kept', () => {
    expect(meanPool(m([[1, 2]]), [0])).toEqual([0, 0]);
  });
});

describe('cosine', () => {
  it('measures the angle, not the length', () => {
    expect(cosine([1, 0], [5, 0])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 2])).toBeCloseTo(0, 12);
    expect(cosine([1, 1], [-2, -2])).toBeCloseTo(-1, 12);
    expect(cosine([1, 0], [1, 1])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });

  it('builds a symmetric token × token grid with ones on the diagonal', () => {
    const grid = cosineMatrix(m([
      [1, 0],
      [0, 3],
      [2, 2],
    ]));
    expect(grid.rows).toBe(3);
    expect(grid.cols).toBe(3);
    expect(Array.from(grid.data, (v) => +v.toFixed(4))).toEqual([1, 0, 0.7071, 0, 1, 0.7071, 0.7071, 0.7071, 1]);
  });
});

describe('keepRows', () => {
  it('drops the masked rows and keeps the order', () => {
    const kept = keepRows(m([[1], [2], [3], [4]]), [1, 0, 1, 0]);
    expect(kept.rows).toBe(2);
    expect(Array.from(kept.data)).toEqual([1, 3]);
  });
});
