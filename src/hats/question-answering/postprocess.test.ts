import { describe, expect, it } from 'vitest';
import type { ContextToken } from './offsets';
import { collectAnswers, noAnswerVerdict, scoreWindow, windowView, type ScoredWindow } from './postprocess';

// A window laid out as [CLS] q q [SEP] c c c c [SEP]: positions 4…7 are context.
const allowed = [false, false, false, false, true, true, true, true, false];
const logits = (peaks: Record<number, number>) => Array.from({ length: allowed.length }, (_, i) => peaks[i] ?? 0);

describe('scoreWindow', () => {
  it('picks the best context span: softmax over start and end, score = p_start · p_end', () => {
    const out = scoreWindow(logits({ 5: 4 }), logits({ 6: 4 }), allowed, 0);
    expect(out.candidates[0]).toMatchObject({ start: 5, end: 6 });
    expect(out.candidates[0]!.score).toBeCloseTo(out.pStart[5]! * out.pEnd[6]!, 12);
    // The softmax covers the context and [CLS] only: 5 positions.
    const z = Math.exp(4) + 4;
    expect(out.pStart[5]).toBeCloseTo(Math.exp(4) / z, 6);
    expect(out.pStart.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('never takes the answer from the question or special tokens, however high their logits', () => {
    const out = scoreWindow(logits({ 1: 20, 3: 20, 6: 2 }), logits({ 2: 20, 8: 20, 6: 2 }), allowed, 0);
    expect(out.pStart[1]).toBeLessThan(1e-6);
    expect(out.pEnd[8]).toBeLessThan(1e-6);
    expect(out.candidates.every((c) => c.start >= 4 && c.end <= 7)).toBe(true);
    expect(out.candidates[0]).toMatchObject({ start: 6, end: 6 });
  });

  it('keeps end ≥ start and the maximum answer length', () => {
    const out = scoreWindow(logits({ 7: 5 }), logits({ 4: 5 }), allowed, 0);
    expect(out.candidates.every((c) => c.end >= c.start)).toBe(true);
    const short = scoreWindow(logits({ 4: 5 }), logits({ 7: 5 }), allowed, 0, { maxAnswerLength: 2 });
    expect(short.candidates.every((c) => c.end - c.start <= 1)).toBe(true);
  });

  it('reports the null score from [CLS]', () => {
    const out = scoreWindow(logits({ 0: 6 }), logits({ 0: 6 }), allowed, 0);
    expect(out.nullScore).toBeCloseTo(out.pStart[0]! * out.pEnd[0]!, 12);
    expect(out.nullScore!).toBeGreaterThan(out.candidates[0]!.score);
    expect(scoreWindow(logits({}), logits({}), allowed, null).nullScore).toBeNull();
  });
});

// Context "a b c d e f": one token per letter, char offsets 0,2,4,…
const context = 'a b c d e f';
const tokens: ContextToken[] = context.split(' ').map((t, i) => ({ id: i, token: t, start: i * 2, end: i * 2 + 1 }));

function scored(pStartPeak: number, pEndPeak: number, first: number, count: number, nullPeak = 0): ScoredWindow {
  const mask = allowed.map((_, i) => i >= 4 && i < 4 + count);
  const scores = scoreWindow(logits({ [pStartPeak]: 5, 0: nullPeak }), logits({ [pEndPeak]: 5, 0: nullPeak }), mask, 0);
  return { scores, contextOffset: 4, first };
}

describe('answers over windows', () => {
  it('maps window positions to context characters and finds the answer in the second window', () => {
    const windows = [scored(4, 4, 0, 4), scored(6, 7, 2, 4)]; // window 2 holds tokens c d e f
    windows[0]!.scores.candidates.forEach((c) => (c.score *= 0.01)); // the first window is unsure
    const answers = collectAnswers(windows, tokens, context);
    expect(answers[0]).toMatchObject({ text: 'e f', start: 8, end: 11, window: 1 });
  });

  it('lists a span seen by two overlapping windows once, with its best score', () => {
    const a = scored(6, 6, 0, 4); // token c
    const b = scored(4, 4, 2, 4); // token c again
    const answers = collectAnswers([a, b], tokens, context);
    expect(answers.filter((x) => x.text === 'c')).toHaveLength(1);
    expect(answers[0]!.score).toBe(Math.max(a.scores.candidates[0]!.score, b.scores.candidates[0]!.score));
  });

  it('says "no answer" when the smallest null score beats every span', () => {
    const unsure = [scored(5, 5, 0, 4, 9), scored(5, 5, 2, 4, 8)];
    const answers = collectAnswers(unsure, tokens, context);
    const verdict = noAnswerVerdict(unsure, answers);
    expect(verdict.noAnswer).toBe(true);
    expect(verdict.nullScore).toBe(Math.min(unsure[0]!.scores.nullScore!, unsure[1]!.scores.nullScore!));
    const sure = [scored(5, 5, 0, 4, 0)];
    expect(noAnswerVerdict(sure, collectAnswers(sure, tokens, context)).noAnswer).toBe(false);
  });

  it('cuts the strip data to the window’s context tokens', () => {
    const w = scored(5, 5, 2, 3);
    const view = windowView(w, 3, 0);
    expect(view.first).toBe(2);
    expect(view.pStart).toHaveLength(3);
    expect(view.pStart[1]).toBe(w.scores.pStart[5]);
    expect(view.nullStart).toBe(w.scores.pStart[0]);
  });
});
