import { describe, expect, it } from 'vitest';
import { pca2d } from './pca';
import { matrix } from './vectors';

const m = (rows: number[][]) => matrix(rows.length, rows[0]!.length, Float32Array.from(rows.flat()));
const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

/** Points on a plane inside a higher-dimensional space: a 2-D map can keep every distance. */
function planar(n: number, dims: number): number[][] {
  const u = Array.from({ length: dims }, (_, d) => (d === 0 ? 1 : 0));
  const v = Array.from({ length: dims }, (_, d) => (d === 1 ? 0.6 : d === 2 ? 0.8 : 0));
  return Array.from({ length: n }, (_, i) => {
    const [a, b] = [3 * Math.cos(i), Math.sin(2 * i)];
    return u.map((x, d) => a * x + b * v[d]! + 1); // + 1: PCA must centre
  });
}

describe('pca2d', () => {
  it('finds the line the points lie on and says it explains all the variance', () => {
    const out = pca2d(m([[0, 0], [1, 1], [2, 2], [3, 3]]))!;
    expect(out.explained[0]).toBeCloseTo(1, 6);
    expect(out.explained[1]).toBeCloseTo(0, 6);
    const xs = out.points.map((p) => p[0]);
    expect(xs.map((x) => +x.toFixed(4))).toEqual([1.5, 0.5, -0.5, -1.5].map((x) => +(x * Math.SQRT2).toFixed(4)));
    for (const p of out.points) expect(p[1]).toBeCloseTo(0, 5);
  });

  it.each([
    ['more tokens than dimensions (covariance)', 8, 3],
    ['fewer tokens than dimensions (Gram matrix)', 5, 12],
  ])('keeps every distance of planar data: %s', (_, n, dims) => {
    const rows = planar(n, dims);
    const out = pca2d(m(rows))!;
    expect(out.points).toHaveLength(n);
    expect(out.explained[0] + out.explained[1]).toBeCloseTo(1, 5);
    expect(out.explained[0]).toBeGreaterThanOrEqual(out.explained[1]);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) expect(dist(out.points[i]!, out.points[j]!)).toBeCloseTo(dist(rows[i]!, rows[j]!), 4);
    }
  });

  it('points the farthest token of each axis to the positive side', () => {
    const out = pca2d(m(planar(6, 10)))!;
    for (const k of [0, 1] as const) {
      const most = Math.max(...out.points.map((p) => Math.abs(p[k])));
      expect(out.points.some((p) => p[k] > most - 1e-6)).toBe(true);
    }
  });

  it('needs two tokens and survives identical ones', () => {
    expect(pca2d(m([[1, 2, 3]]))).toBeNull();
    expect(pca2d(m([[1, 2, 3], [1, 2, 3]]))).toEqual({ points: [[0, 0], [0, 0]], explained: [0, 0] });
  });
});
