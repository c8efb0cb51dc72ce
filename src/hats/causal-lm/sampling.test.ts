import { describe, expect, it } from 'vitest';
import { softmax } from '@/lib/maths';
import { chooseNext, filtered, mulberry32, pick, topIndices } from './sampling';

const logits = [2, 1, 0, -1, 3];

describe('sampling maths', () => {
  it('softmax sums to 1, keeps the order, and is safe with big logits', () => {
    const p = softmax(logits);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(topIndices(p, 5)).toEqual([4, 0, 1, 2, 3]);
    expect(Array.from(softmax([1000, 1000]))).toEqual([0.5, 0.5]);
  });

  it('temperature sharpens below 1 and flattens above 1', () => {
    expect(softmax(logits, 0.5)[4]!).toBeGreaterThan(softmax(logits)[4]!);
    expect(softmax(logits, 2)[4]!).toBeLessThan(softmax(logits)[4]!);
  });

  it('topIndices breaks ties by the lower id, and sorts fully when many are wanted', () => {
    expect(topIndices([1, 3, 3, 0], 2)).toEqual([1, 2]);
    const big = Array.from({ length: 600 }, (_, i) => (i * 37) % 101);
    const all = topIndices(big, 600);
    expect(all).toHaveLength(600);
    for (let i = 1; i < all.length; i++) expect(big[all[i - 1]!]!).toBeGreaterThanOrEqual(big[all[i]!]!);
  });

  it('greedy keeps one token: the argmax', () => {
    expect(filtered(logits, { temperature: 0, topK: 50, topP: 1 })).toEqual({ ids: [4], probs: [1] });
  });

  it('top-k keeps the k most likely and renormalises', () => {
    const f = filtered(logits, { temperature: 1, topK: 2, topP: 1 });
    expect(f.ids).toEqual([4, 0]);
    const p = softmax(logits);
    expect(f.probs[0]).toBeCloseTo(p[4]! / (p[4]! + p[0]!), 12);
  });

  it('top-p keeps the smallest set that reaches p (at least one token)', () => {
    const p = softmax(logits); // ≈ 0.64, 0.24, 0.09, 0.03, 0.01
    expect(filtered(logits, { temperature: 1, topK: 0, topP: 0.5 }).ids).toEqual([4]);
    expect(filtered(logits, { temperature: 1, topK: 0, topP: p[4]! + 0.01 }).ids).toEqual([4, 0]);
    expect(filtered(logits, { temperature: 1, topK: 0, topP: 0 }).ids).toEqual([4]);
    expect(filtered(logits, { temperature: 1, topK: 0, topP: 1 }).ids).toHaveLength(5);
  });

  it('pick walks the cumulative probabilities', () => {
    expect(pick([7, 8, 9], [0.5, 0.3, 0.2], 0)).toBe(7);
    expect(pick([7, 8, 9], [0.5, 0.3, 0.2], 0.6)).toBe(8);
    expect(pick([7, 8, 9], [0.5, 0.3, 0.2], 0.99)).toBe(9);
  });

  it('mulberry32 repeats with the same seed and differs with another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('chooseNext records raw and filtered probabilities, and the chosen token even outside the top list', () => {
    const flat = [0, 0, 0, 0];
    const step = chooseNext(flat, { temperature: 1, topK: 0, topP: 1 }, () => 0.99, 2);
    expect(step.id).toBe(3);
    expect(step.kept).toBe(4);
    expect(step.candidates.map((c) => c.id)).toEqual([0, 1, 3]);
    for (const c of step.candidates) expect(c.raw).toBeCloseTo(0.25, 12);
    const greedy = chooseNext(logits, { temperature: 0, topK: 50, topP: 1 }, () => 0.5);
    expect(greedy.id).toBe(4);
    expect(greedy.candidates.find((c) => c.id === 4)!.final).toBe(1);
    expect(greedy.candidates.find((c) => c.id === 0)!.final).toBe(0);
  });
});
