import { describe, expect, it } from 'vitest';
import { softmaxF64 as softmax } from '@/lib/maths';
import { chooseNext, filtered, mulberry32, topIndices, type SamplingSettings } from './sampling';

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

  it('topIndices breaks ties by the lower id, and ranks as many as asked', () => {
    expect(topIndices([1, 3, 3, 0], 2)).toEqual([1, 2]);
    expect(topIndices([1, 3, 3, 0], 9)).toEqual([1, 2, 0, 3]);
    expect(topIndices([1, 3], 0)).toEqual([]);
    const big = Array.from({ length: 600 }, (_, i) => (i * 37) % 101);
    const all = topIndices(big, 600);
    expect(all).toHaveLength(600);
    for (let i = 1; i < all.length; i++) expect(big[all[i - 1]!]!).toBeGreaterThanOrEqual(big[all[i]!]!);
  });

  it('greedy keeps one token: the argmax', () => {
    const kept = filtered(logits, { temperature: 0, topK: 50, topP: 1 });
    expect(kept.count).toBe(1);
    expect(kept.head(5)).toEqual([4]);
    expect([kept.final(4), kept.final(0)]).toEqual([1, 0]);
  });

  it('top-k keeps the k most likely and renormalises', () => {
    const kept = filtered(logits, { temperature: 1, topK: 2, topP: 1 });
    expect(kept.head(5)).toEqual([4, 0]);
    const p = softmax(logits);
    expect(kept.final(4)).toBeCloseTo(p[4]! / (p[4]! + p[0]!), 12);
    expect(kept.final(1)).toBe(0);
  });

  it('top-p keeps the smallest set that reaches p (at least one token)', () => {
    const p = softmax(logits); // ≈ 0.64, 0.24, 0.09, 0.03, 0.01
    const ids = (topP: number) => filtered(logits, { temperature: 1, topK: 0, topP }).head(9);
    expect(ids(0.5)).toEqual([4]);
    expect(ids(p[4]! + 0.01)).toEqual([4, 0]);
    expect(ids(0)).toEqual([4]);
    expect(filtered(logits, { temperature: 1, topK: 0, topP: 1 }).count).toBe(5);
    expect(ids(1)).toHaveLength(5);
  });

  it('pick walks the cumulative probabilities, most likely first', () => {
    const kept = filtered([Math.log(0.2), Math.log(0.5), Math.log(0.3)], { temperature: 1, topK: 0, topP: 1 });
    expect(kept.pick(0)).toBe(1);
    expect(kept.pick(0.6)).toBe(2);
    expect(kept.pick(0.99)).toBe(0);
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

  it('a greedy step over a whole vocabulary shows the ten most likely tokens with their softmax probabilities', () => {
    const z = randomLogits(50257, 3, 7);
    const raw = softmax(z);
    const step = chooseNext(z, { temperature: 0, topK: 0, topP: 1 }, () => 0.5);
    expect(step.id).toBe(topIndices(raw, 1)[0]);
    expect(step.kept).toBe(1);
    expect(step.candidates.map((c) => c.id)).toEqual(topIndices(raw, 10));
    // To a few parts in a billion (the denominator is summed from float exps: scanLogits).
    for (const c of step.candidates) expect(Math.abs(c.raw / raw[c.id]! - 1)).toBeLessThan(5e-8);
    expect(step.candidates.map((c) => c.final)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

/** The filters as they were first written: sort the whole vocabulary, then walk it. */
function bruteForce(values: ArrayLike<number>, s: SamplingSettings) {
  const scaled = softmax(values, s.temperature);
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => scaled[b]! - scaled[a]! || a - b);
  const ranked = order.slice(0, s.topK > 0 ? s.topK : values.length);
  const mass = ranked.reduce((m, i) => m + scaled[i]!, 0);
  let keep = 0;
  let cumulative = 0;
  for (const i of ranked) {
    cumulative += scaled[i]! / mass;
    keep++;
    if (s.topP < 1 && cumulative >= s.topP) break;
  }
  const ids = ranked.slice(0, keep);
  const total = ids.reduce((m, i) => m + scaled[i]!, 0);
  const probs = ids.map((i) => scaled[i]! / total);
  const pick = (u: number) => {
    let c = 0;
    for (let j = 0; j < ids.length; j++) if (u < (c += probs[j]!)) return ids[j]!;
    return ids.at(-1)!;
  };
  return { ids, probs, pick };
}

/** Logits like a language model's: Gaussian (Box–Muller from the seeded generator), `spread` wide, some ties. */
function randomLogits(vocab: number, spread: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const out = new Float32Array(vocab);
  for (let i = 0; i < vocab; i++) out[i] = spread * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  for (let i = 0; i < vocab; i += 97) out[i] = out[(i * 31) % vocab]!; // exact ties, to test the id order
  return out;
}

describe('partial selection picks what a full sort of the vocabulary picks', () => {
  const settings: SamplingSettings[] = [];
  for (const temperature of [0.7, 0.8, 1, 1.5])
    for (const topK of [0, 1, 50, 300, 1000]) for (const topP of [0.3, 0.9, 0.97, 1]) settings.push({ temperature, topK, topP });

  it.each([
    { vocab: 5000, spread: 4, seed: 1, temperatures: [0.7, 1, 1.5] }, // a confident model: the nucleus is a handful of tokens
    { vocab: 5000, spread: 0.5, seed: 2, temperatures: [0.7, 1, 1.5] }, // an unsure one: the nucleus is most of the vocabulary
    { vocab: 50257, spread: 3, seed: 3, temperatures: [0.8] }, // GPT-2's vocabulary
  ])('vocabulary $vocab, logit spread $spread', ({ vocab, spread, seed, temperatures }) => {
    const z = randomLogits(vocab, spread, seed);
    const draws = mulberry32(seed + 100);
    const us = [0, 0.5, 0.999999, ...Array.from({ length: 20 }, draws)];
    for (const s of settings.filter((s) => temperatures.includes(s.temperature))) {
      const kept = filtered(z, s);
      const want = bruteForce(z, s);
      const label = JSON.stringify(s);
      expect(kept.count, label).toBe(want.ids.length);
      expect(kept.head(200), label).toEqual(want.ids.slice(0, 200));
      for (const j of new Set([0, 1, want.ids.length - 1].filter((j) => j < want.ids.length))) expect(kept.final(want.ids[j]!), label).toBeCloseTo(want.probs[j]!, 12);
      if (want.ids.length < vocab) expect(kept.final(topIndices(z, vocab).at(-1)!), label).toBe(0);
      for (const u of us) expect(kept.pick(u), `${label} u=${u}`).toBe(want.pick(u));
    }
  });

  it('a seeded run of steps draws the same tokens as the full sort', () => {
    const s = { temperature: 0.9, topK: 0, topP: 0.9 };
    const [a, b] = [mulberry32(42), mulberry32(42)];
    for (let step = 0; step < 10; step++) {
      const z = randomLogits(50257, 3, 1000 + step);
      expect(chooseNext(z, s, a).id).toBe(bruteForce(z, s).pick(b()));
    }
  });
});
