import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';
import { serializeModel } from './graph-builder';
import type { ModelProto } from './onnx-types';

/*
 * For the tests of the inside outputs (attention weights, hidden states, logit lens) of every
 * architecture: run a graph in ONNX Runtime for Node and hold its numbers against the float64
 * reference, nested arrays against flat tensors.
 */

export type Feeds = Record<string, ort.Tensor>;

export async function runGraph(model: ModelProto, feeds: Feeds, level: 'basic' | 'all' = 'all'): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(serializeModel(model), { graphOptimizationLevel: level });
  const out = await session.run(feeds);
  await session.release();
  return out;
}

export const int64Tensor = (rows: readonly (readonly number[])[]) =>
  new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]?.length ?? 0]);

type Nested = number | readonly Nested[];

/** Flattens a nested array row by row, as a tensor stores it. */
export function flat(x: Nested): number[] {
  return typeof x === 'number' ? [x] : x.flatMap((v) => flat(v));
}

/** Largest |got − want| over a tensor and the reference's nested numbers (same number of values). */
export function maxDiff(got: ort.Tensor | undefined, want: Nested): number {
  expect(got, 'the graph returned the output').toBeDefined();
  const data = Array.from(got!.data as Float32Array, Number);
  const w = flat(want);
  expect(data.length).toBe(w.length);
  return data.reduce((m, v, i) => Math.max(m, Math.abs(v - w[i]!)), 0);
}

/** Every row (last axis) of an attention tensor sums to 1, and weights are probabilities. */
export function expectRowsSumToOne(t: ort.Tensor | undefined, tolerance = 1e-5): void {
  expect(t).toBeDefined();
  const data = t!.data as Float32Array;
  const keys = t!.dims.at(-1)!;
  for (let r = 0; r < data.length / keys; r++) {
    let s = 0;
    for (let j = 0; j < keys; j++) {
      const p = data[r * keys + j]!;
      expect(p).toBeGreaterThanOrEqual(0);
      s += p;
    }
    expect(Math.abs(s - 1), `row ${r} sums to ${s}`).toBeLessThan(tolerance);
  }
}
