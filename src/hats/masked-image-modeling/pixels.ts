import type { PatchRow, Rgb } from './output';

/*
 * Pixel arithmetic of the hat, shared by the worker and the tests: resizing, the image
 * processor's normalisation, and turning the decoder's patch vectors back into a picture.
 */

/** Resizes a square RGB image: box averaging when shrinking, bilinear when enlarging. */
export function resizeSquare(rgb: ArrayLike<number>, side: number, size: number): Uint8ClampedArray {
  if (side === size) return Uint8ClampedArray.from(rgb as ArrayLike<number>);
  const out = new Uint8ClampedArray(size * size * 3);
  const scale = side / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < 3; c++) {
        let v: number;
        if (scale >= 1) {
          // [1] Box filter: every source pixel under the target pixel counts, by how much of it is covered.
          const [y0, y1, x0, x1] = [y * scale, (y + 1) * scale, x * scale, (x + 1) * scale];
          let sum = 0;
          let weight = 0;
          for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
            const wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
            for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
              const w = wy * (Math.min(x1, sx + 1) - Math.max(x0, sx));
              sum += w * (rgb[(sy * side + sx) * 3 + c] as number);
              weight += w;
            }
          }
          v = sum / weight;
        } else {
          const fy = Math.max(0, Math.min(side - 1, (y + 0.5) * scale - 0.5));
          const fx = Math.max(0, Math.min(side - 1, (x + 0.5) * scale - 0.5));
          const [y0, x0] = [Math.floor(fy), Math.floor(fx)];
          const [y1, x1] = [Math.min(side - 1, y0 + 1), Math.min(side - 1, x0 + 1)];
          const at = (yy: number, xx: number) => rgb[(yy * side + xx) * 3 + c] as number;
          const top = at(y0, x0) + (at(y0, x1) - at(y0, x0)) * (fx - x0);
          const bottom = at(y1, x0) + (at(y1, x1) - at(y1, x0)) * (fx - x0);
          v = top + (bottom - top) * (fy - y0);
        }
        out[(y * size + x) * 3 + c] = Math.round(v);
      }
    }
  }
  return out;
}

/** [2] ViTImageProcessor: x = (byte / 255 − mean_c) / std_c, laid out channel-first [3, S, S]. */
export function normalize(rgb: ArrayLike<number>, size: number, mean: Rgb, std: Rgb): Float32Array {
  const out = new Float32Array(3 * size * size);
  for (let i = 0; i < size * size; i++) {
    for (let c = 0; c < 3; c++) out[c * size * size + i] = ((rgb[i * 3 + c] as number) / 255 - mean[c]!) / std[c]!;
  }
  return out;
}

/** Index in a normalised [3, S, S] image of value k of patch `index` (HF patchify order: row, column, channel). */
function patchValueIndex(index: number, k: number, grid: number, p: number, size: number): number {
  const c = k % 3;
  const px = Math.floor(k / 3) % p;
  const py = Math.floor(k / (3 * p));
  const [pr, pc] = [Math.floor(index / grid), index % grid];
  return c * size * size + (pr * p + py) * size + (pc * p + px);
}

/*
 * [3] norm_pix_loss: such a checkpoint learned to predict each patch normalised by that patch's
 *     own mean and (unbiased) variance, target = (x − μ) / √(σ² + 1e-6). To show a picture the
 *     prediction is scaled back with the ORIGINAL patch's μ and σ, as Hugging Face's MAE demo
 *     does: the shading comes from the model, the patch's overall brightness and contrast do not.
 */
export function denormalizePatches(logits: Float32Array, pixels: Float32Array, grid: number, p: number, size: number): Float32Array {
  const dim = p * p * 3;
  const out = new Float32Array(logits.length);
  for (let i = 0; i < grid * grid; i++) {
    const values = Array.from({ length: dim }, (_, k) => pixels[patchValueIndex(i, k, grid, p, size)]!);
    const mean = values.reduce((a, b) => a + b, 0) / dim;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (dim - 1);
    for (let k = 0; k < dim; k++) out[i * dim + k] = logits[i * dim + k]! * Math.sqrt(variance + 1e-6) + mean;
  }
  return out;
}

/** [4] unpatchify + un-normalise: the decoder's vectors as RGB bytes (clipped to 0…255). */
export function predictionImage(logits: Float32Array, grid: number, p: number, mean: Rgb, std: Rgb): Uint8ClampedArray {
  const size = grid * p;
  const out = new Uint8ClampedArray(size * size * 3);
  const dim = p * p * 3;
  for (let i = 0; i < grid * grid; i++) {
    const [pr, pc] = [Math.floor(i / grid), i % grid];
    for (let k = 0; k < dim; k++) {
      const c = k % 3;
      const px = Math.floor(k / 3) % p;
      const py = Math.floor(k / (3 * p));
      out[((pr * p + py) * size + pc * p + px) * 3 + c] = Math.round((logits[i * dim + k]! * std[c]! + mean[c]!) * 255);
    }
  }
  return out;
}

function patchPixels(size: number, p: number, grid: number, index: number, visit: (offset: number) => void) {
  const [pr, pc] = [Math.floor(index / grid), index % grid];
  for (let y = 0; y < p; y++) for (let x = 0; x < p; x++) visit(((pr * p + y) * size + pc * p + x) * 3);
}

/** The visible patches of the original with the decoder's prediction pasted into the hidden ones. */
export function compose(original: Uint8ClampedArray, prediction: Uint8ClampedArray, hidden: readonly number[], grid: number, p: number): Uint8ClampedArray {
  const out = Uint8ClampedArray.from(original);
  for (const i of hidden) patchPixels(grid * p, p, grid, i, (o) => out.set(prediction.subarray(o, o + 3), o));
  return out;
}

/** Per hidden patch: mean colours and squared error, in 0…1 units; plus the visible patches' mean colour. */
export function patchStats(original: Uint8ClampedArray, prediction: Uint8ClampedArray, hidden: readonly number[], grid: number, p: number) {
  const size = grid * p;
  const rows: PatchRow[] = hidden.map((index) => {
    const predicted = [0, 0, 0];
    const actual = [0, 0, 0];
    let se = 0;
    patchPixels(size, p, grid, index, (o) => {
      for (let c = 0; c < 3; c++) {
        const [a, b] = [original[o + c]! / 255, prediction[o + c]! / 255];
        actual[c] = actual[c]! + a;
        predicted[c] = predicted[c]! + b;
        se += (a - b) ** 2;
      }
    });
    const n = p * p;
    return { index, row: Math.floor(index / grid), col: index % grid, predicted: predicted.map((v) => v / n) as Rgb, actual: actual.map((v) => v / n) as Rgb, mse: se / (n * 3) };
  });
  const hiddenSet = new Set(hidden);
  const sum = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < grid * grid; i++) {
    if (hiddenSet.has(i)) continue;
    patchPixels(size, p, grid, i, (o) => {
      for (let c = 0; c < 3; c++) sum[c] = sum[c]! + original[o + c]! / 255;
      count++;
    });
  }
  const visibleMean = sum.map((v) => (count ? v / count : 0)) as Rgb;
  const mse = rows.length ? rows.reduce((a, r) => a + r.mse, 0) / rows.length : null;
  return { rows, visibleMean, mse };
}
