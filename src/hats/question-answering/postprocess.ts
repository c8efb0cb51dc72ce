import { softmax } from '@/lib/maths';
import type { ContextToken } from './offsets';

/*
 * From start/end logits to answer spans, as the Python question-answering pipeline does it.
 *
 * [1] qa_outputs gives every token two logits: how likely the answer starts here, and ends here.
 *     Tokens that cannot be part of the answer (the question, [SEP], padding) are set to -10000 before the
 *     softmax, so the answer never comes from the question. The leading [CLS] stays in: it is the slot a
 *     SQuAD 2.0 model points both ends at when the passage holds no answer.
 * [2] A span (s, e) scores p_start(s) · p_end(e), with s ≤ e and at most `maxAnswerLength` tokens.
 * [3] The null score is p_start([CLS]) · p_end([CLS]). Over several windows the pipeline keeps the
 *     smallest one: a window that is sure it holds the answer outweighs windows that do not.
 */

export const MAX_ANSWER_TOKENS = 15;
export const TOP_K = 5;

export interface SpanCandidate {
  /** Token positions inside the window, inclusive. */
  start: number;
  end: number;
  score: number;
}

export interface WindowScores {
  pStart: number[];
  pEnd: number[];
  nullScore: number | null;
  candidates: SpanCandidate[];
}

/** [1][2] Scores one window; `allowed[i]` is true for context tokens only. */
export function scoreWindow(
  startLogits: ArrayLike<number>,
  endLogits: ArrayLike<number>,
  allowed: boolean[],
  nullIndex: number | null,
  { topK = TOP_K, maxAnswerLength = MAX_ANSWER_TOKENS } = {},
): WindowScores {
  const keep = (i: number) => allowed[i] === true || i === nullIndex;
  const mask = (logits: ArrayLike<number>) => Array.from(logits, (v, i) => (keep(i) ? v : -10000));
  const pStart = softmax(mask(startLogits));
  const pEnd = softmax(mask(endLogits));
  const nullScore = nullIndex === null ? null : pStart[nullIndex]! * pEnd[nullIndex]!;
  const candidates: SpanCandidate[] = [];
  for (let s = 0; s < allowed.length; s++) {
    if (!allowed[s]) continue;
    for (let e = s; e < Math.min(allowed.length, s + maxAnswerLength); e++) {
      if (allowed[e]) candidates.push({ start: s, end: e, score: pStart[s]! * pEnd[e]! });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  return { pStart, pEnd, nullScore, candidates: candidates.slice(0, topK) };
}

export interface QaAnswer {
  text: string;
  /** Character offsets in the context. */
  start: number;
  end: number;
  score: number;
  /** The window (0-based) the span was found in. */
  window: number;
}

export interface QaWindowView {
  /** Index of the window's first context token in `QaOutput.tokens`. */
  first: number;
  pStart: number[];
  pEnd: number[];
  nullStart?: number;
  nullEnd?: number;
}

export interface QaOutput {
  /** The context the offsets refer to (the text may have changed since). */
  context: string;
  answers: QaAnswer[];
  nullScore: number | null;
  /** The no-answer score beats every span. */
  noAnswer: boolean;
  tokens: ContextToken[];
  windows: QaWindowView[];
  questionTokens: number;
  windowLength: number;
  /** Context tokens one window holds, once the question and special tokens are in. */
  contextPerWindow: number;
  stride: number;
}

export interface ScoredWindow {
  scores: WindowScores;
  /** Position of the first context token in the window, and its index in the context's tokens. */
  contextOffset: number;
  first: number;
}

/** Turns window-local spans into character spans of the context, best first, one entry per span. */
export function collectAnswers(windows: ScoredWindow[], tokens: ContextToken[], context: string, topK = TOP_K): QaAnswer[] {
  const best = new Map<string, QaAnswer>();
  windows.forEach(({ scores, contextOffset, first }, window) => {
    for (const c of scores.candidates) {
      const a = tokens[first + c.start - contextOffset];
      const b = tokens[first + c.end - contextOffset];
      if (!a || !b) continue;
      const key = `${a.start}:${b.end}`;
      const seen = best.get(key);
      if (!seen || seen.score < c.score) best.set(key, { text: context.slice(a.start, b.end), start: a.start, end: b.end, score: c.score, window });
    }
  });
  return [...best.values()].sort((x, y) => y.score - x.score).slice(0, topK);
}

/** [3] The smallest null score over the windows, and whether it beats the best span. */
export function noAnswerVerdict(windows: ScoredWindow[], answers: QaAnswer[]): { nullScore: number | null; noAnswer: boolean } {
  const nulls = windows.map((w) => w.scores.nullScore).filter((s): s is number => s !== null);
  const nullScore = nulls.length ? Math.min(...nulls) : null;
  const top = answers[0]?.score ?? 0;
  return { nullScore, noAnswer: nullScore !== null && nullScore > top };
}

/** The part of each window's probabilities the strip shows: context tokens and the null slot. */
export function windowView(w: ScoredWindow, count: number, nullIndex: number | null): QaWindowView {
  const { pStart, pEnd } = w.scores;
  return {
    first: w.first,
    pStart: pStart.slice(w.contextOffset, w.contextOffset + count),
    pEnd: pEnd.slice(w.contextOffset, w.contextOffset + count),
    nullStart: nullIndex === null ? undefined : pStart[nullIndex],
    nullEnd: nullIndex === null ? undefined : pEnd[nullIndex],
  };
}
