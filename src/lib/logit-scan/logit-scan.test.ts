import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assemble, KERNELS, kernelModule } from '../../../scripts/wasm/assemble';
import { largestWithSumExp } from '../maths';
import { mulberry32 } from '../random';
import { scanLogits, sumExp } from './index';

/** Σ exp(v − max) in doubles with Math.exp: what the kernel's sum is held to. */
function exactSum(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] as number) - max);
  return sum;
}

/** Normal-ish logits around −80 like a language model's, with a few far above the rest. */
function vocabulary(length: number, seed: number, spread = 3): Float32Array {
  const random = mulberry32(seed);
  const logits = Float32Array.from({ length }, () => -80 + spread * (random() + random() + random() - 1.5) * 2);
  for (let j = 0; j < 5; j++) logits[Math.floor(random() * length)] = -62 + j;
  return logits;
}

/** The n largest by a full sort: largest first, the lower index first among equals. */
function sortedIds(values: Float32Array, n: number): number[] {
  return Array.from(values.keys())
    .sort((a, b) => values[b]! - values[a]! || a - b)
    .slice(0, n);
}

describe('scanLogits (WebAssembly SIMD)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('runs from bytes that are scan.wat assembled (run `npm run wasm` after editing it)', async () => {
    for (const k of KERNELS) expect(await readFile(k.out, 'utf8')).toBe(kernelModule(k.name, await assemble(k.wat), k.source));
  });

  it('finds the same ids and largest as the JavaScript pass, and its sum to a few parts in a billion', () => {
    for (const [length, seed, spread] of [[50_257, 1, 3], [50_257, 2, 40], [32_128, 3, 3], [17, 4, 3], [1, 5, 3], [1_000, 6, 200]] as const) {
      const logits = vocabulary(length, seed, spread);
      for (const n of [1, 10, Math.min(37, length)]) {
        const found = scanLogits(logits, n);
        const reference = largestWithSumExp(logits, n);
        expect(found.ids).toEqual(sortedIds(logits, n));
        expect(found.ids).toEqual(reference.ids);
        expect(found.max).toBe(reference.max);
        expect(Math.abs(found.sum / exactSum(logits) - 1)).toBeLessThan(5e-8);
      }
    }
  });

  it('puts the lower id first among equal logits, also where equals straddle the n-th place', () => {
    const logits = Float32Array.from({ length: 5_003 }, (_, i) => Math.round(10 * Math.sin(i * 7.13)));
    for (const n of [1, 10, 37, 200]) expect(scanLogits(logits, n).ids).toEqual(sortedIds(logits, n));
    expect(scanLogits(Float32Array.of(1, 3, 3, 0), 9).ids).toEqual([1, 2, 0, 3]);
    expect(scanLogits(Float32Array.of(1, 3), 0).ids).toEqual([]);
  });

  it('counts exp(x) over the whole float range: e^-1 to e^-86 exactly, below that as nothing', () => {
    const logits = Float32Array.from({ length: 200 }, (_, i) => -i);
    expect(Math.abs(scanLogits(logits, 3).sum / exactSum(logits) - 1)).toBeLessThan(5e-8);
    // A largest far above the rest: every other term under e^-87 adds at most 1.6e-38 each.
    const apart = Float32Array.from({ length: 50_257 }, (_, i) => (i === 777 ? 500 : -500 + (i % 13)));
    expect(scanLogits(apart, 2)).toEqual({ ids: [777, 12], max: 500, sum: 1 });
  });

  it('grows its memory for a vocabulary larger than it starts with (250 000 logits)', () => {
    const logits = vocabulary(250_002, 7);
    logits[249_999] = 5;
    const found = scanLogits(logits, 10);
    expect(found.ids).toEqual(sortedIds(logits, 10));
    expect(found.ids[0]).toBe(249_999);
    expect(Math.abs(found.sum / exactSum(logits) - 1)).toBeLessThan(5e-8);
    // And still right for a smaller one afterwards (the old pad is overwritten).
    expect(scanLogits(Float32Array.of(-1, 2, 0), 3).ids).toEqual([1, 2, 0]);
  });

  it('gives the JavaScript pass’s answer for NaN, ±Infinity and logits that are not float32', () => {
    const cases: ArrayLike<number>[] = [
      Float32Array.of(0, NaN, 2, 1),
      Float32Array.of(NaN, 0, 1, 2, 3),
      Float32Array.of(0, Infinity, 1),
      Float32Array.of(-Infinity, -Infinity, 0, -Infinity),
      Float32Array.of(-Infinity, -Infinity),
      [0.1, 0.30000000000000004, -2],
    ];
    for (const logits of cases) expect(scanLogits(logits, 3)).toEqual(largestWithSumExp(logits, 3));
  });

  it('sums exp((v − max) / T) at a temperature to a few parts in ten million, and in JavaScript what the kernel cannot take', () => {
    const logits = vocabulary(50_257, 9, 6);
    const max = scanLogits(logits, 1).max;
    for (const t of [0.25, 0.7, 1, 1.5, 4]) {
      let exact = 0;
      for (const z of logits) exact += Math.exp((z - max) / t);
      // (v − max) / T is a float's product too: each term's argument is off by up to 6e-8 of itself.
      expect(Math.abs(sumExp(logits, max, 1 / t) / exact - 1), `T = ${t}`).toBeLessThan(5e-7);
    }
    expect(sumExp([0, -1, -2], 0, 0.5)).toBe(1 + Math.exp(-0.5) + Math.exp(-1));
    expect(sumExp(Float32Array.of(0, NaN), 0)).toBeNaN();
  });

  it('falls back to the JavaScript pass where WebAssembly SIMD cannot compile', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', {
      ...WebAssembly,
      Module: function Module() {
        throw new WebAssembly.CompileError('SIMD unsupported');
      },
    });
    const { scanLogits: withoutSimd } = await import('./index');
    const logits = vocabulary(1_000, 8);
    expect(withoutSimd(logits, 10)).toEqual(largestWithSumExp(logits, 10));
  });
});
