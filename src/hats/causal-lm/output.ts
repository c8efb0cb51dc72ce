import type { Finish } from './decode';
import type { CausalParams } from './params';
import type { StepChoice } from './sampling';

/** One candidate as the page shows it: its text and its probability before and after the filters. */
export interface ShownCandidate {
  id: number;
  text: string;
  raw: number;
  final: number;
}

export interface GenStep {
  id: number;
  /** The token's own text (may be part of a character, or a special token). */
  text: string;
  /** It is an end-of-text token: generation stopped here. */
  end: boolean;
  /** Tokens left to choose from after temperature, top-k and top-p. */
  kept: number;
  candidates: ShownCandidate[];
}

/** Partial outputs (while streaming) and the final one share this shape. */
export interface CausalOutput {
  /** The prompt as the model read it (after any truncation), decoded. */
  prompt: string;
  promptTokens: number;
  /** The prompt was empty: the model started from this start token instead. */
  startToken?: string;
  /** The generated text, without any end-of-text token. */
  generated: string;
  steps: GenStep[];
  /** How the run ended; undefined while it goes on. */
  finish?: Finish;
  /** Settings that were clamped, prompt truncation, empty prompt. */
  notes: string[];
  /** Milliseconds spent in the decoding loop in the worker (model runs + sampling). */
  generateMs: number;
  /** The settings the run used, after clamping. */
  settings: Omit<CausalParams, 'text'>;
  /** The model had past_key_values inputs, so each step fed only the new token. */
  cached: boolean;
}

/** The page's view of one step: candidate ids turned into text. */
export function shownStep(step: StepChoice, text: (id: number) => string, eos: ReadonlySet<number>): GenStep {
  return {
    id: step.id,
    text: text(step.id),
    end: eos.has(step.id),
    kept: step.kept,
    candidates: step.candidates.map((c) => ({ ...c, text: text(c.id) })),
  };
}

/** Tokens per second over the decoding loop, for the badge and the benchmark. */
export function tokensPerSecond(o: Pick<CausalOutput, 'steps' | 'generateMs'>): number {
  return o.generateMs > 0 ? (o.steps.length * 1000) / o.generateMs : 0;
}
