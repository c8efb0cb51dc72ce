import { PCA } from 'ml-pca';
import { gram, matrix, row, type FloatMatrix } from './vectors';

export interface Pca2d {
  /** One [x, y] per row (token), in the order of the rows. */
  points: [number, number][];
  /** Share of the total variance each of the two axes shows (0…1). */
  explained: [number, number];
}

function centred(m: FloatMatrix): FloatMatrix {
  const out = matrix(m.rows, m.cols, m.data.slice());
  for (let d = 0; d < m.cols; d++) {
    let mean = 0;
    for (let i = 0; i < m.rows; i++) mean += m.data[i * m.cols + d]!;
    mean /= m.rows;
    for (let i = 0; i < m.rows; i++) out.data[i * m.cols + d]! -= mean;
  }
  return out;
}

function toRows(m: FloatMatrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(row(m, i)));
}

/**
 * The two directions along which the token vectors differ most, and where each token sits on them.
 * [1] PCA centres the vectors (subtracts their mean) and finds the eigenvectors of their covariance
 *     (hidden × hidden); a token's coordinates are its centred vector projected on the top two.
 * [2] A sentence usually has fewer tokens (n) than dimensions (p). Then the n × n Gram matrix
 *     G = X Xᵀ/(n−1) of the centred vectors has the same non-zero eigenvalues as the covariance, and
 *     token i's coordinate on component k is u_k[i]·√(λ_k (n−1)): same answer, far less work.
 * [3] An eigenvector's sign is arbitrary; each axis is flipped so its farthest token (the first of equals)
 *     is on the positive side, so the picture does not mirror itself between runs.
 */
export function pca2d(m: FloatMatrix): Pca2d | null {
  if (m.rows < 2) return null;
  const n = m.rows;
  let points: [number, number][];
  let eigen: number[];
  if (n > m.cols) {
    const pca = new PCA(toRows(m), { method: 'covarianceMatrix' });
    eigen = pca.getEigenvalues();
    points = pca.predict(toRows(m), { nComponents: Math.min(2, m.cols) }).to2DArray().map((p) => [p[0] ?? 0, p[1] ?? 0]);
  } else {
    const g = gram(centred(m));
    const pca = new PCA(toRows(g).map((r) => r.map((v) => v / (n - 1))), { isCovarianceMatrix: true }); // [2]
    eigen = pca.getEigenvalues();
    const u = pca.getEigenvectors();
    const scale = [0, 1].map((k) => Math.sqrt(Math.max(eigen[k] ?? 0, 0) * (n - 1)));
    points = Array.from({ length: n }, (_, i) => [u.get(i, 0) * scale[0]!, u.get(i, 1) * scale[1]!]);
  }
  const total = eigen.reduce((s, v) => s + Math.max(v, 0), 0);
  if (total <= 1e-12) return { points: points.map(() => [0, 0]), explained: [0, 0] };
  for (const k of [0, 1] as const) {
    const most = Math.max(...points.map((p) => Math.abs(p[k])));
    const far = points.find((p) => Math.abs(p[k]) >= most * (1 - 1e-6))?.[k] ?? 0; // ties: the first token
    if (far < 0) for (const p of points) p[k] = -p[k]; // [3]
  }
  const share = (k: number) => Math.max(eigen[k] ?? 0, 0) / total;
  return { points, explained: [share(0), share(1)] };
}
