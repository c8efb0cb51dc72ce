import type { ComponentType } from 'react';
import type { Device, Dtype, ModelFacts, RunStats, TokensInfo } from '@/engine/protocol';
import type { HatSeam, ParamsCodec } from '@/lib/hat-seam';
import type { LazyPart } from '@/lib/import-chunk';
import type { InsideSupport } from '@/lib/inside';

/** A model the hat offers, checked to exist on the Hub with these files. */
export interface CuratedModel {
  id: string;
  /** One line: what it was trained on, what it is good for. */
  note: string;
  /** Download size in bytes of the ONNX weights per dtype (tokenizer and config are small). */
  sizes: Partial<Record<Dtype, number>>;
  licence: string;
  /** The model reads a sentence pair (e.g. NLI). */
  pair?: boolean;
  /** Languages, for the picker. */
  languages?: string;
}

/**
 * A tiny teaching model of the built-in demo wardrobe (`host=demo`): built by the hat's own
 * fixture.ts with hand-set weights, shipped with the app, so the hat answers with no download.
 */
export interface DemoModel {
  id: string;
  /** What it knows, in a student's words: the few words and rules its weights were set for. */
  knows: string;
  /** A link query of the hat's params that shows what it knows (e.g. `text=the cat says [MASK] .`). */
  example?: string;
}

/** What the page shows when the input cannot be run as it is. */
export interface InputProblem {
  message: string;
  /** A one-click fix, e.g. insert a mask token. */
  fix?: { label: string; apply: () => void };
}

export type { ParamsCodec };

/** A one-off request a hat's UI sends to its own adapter, outside the live runs (e.g. "train"). */
export interface HatCall<R = unknown> {
  /** The adapter's answer to this payload; rejects with the worker's error (kind 'cancelled' after cancel()). */
  promise: Promise<{ output: R; stats: RunStats }>;
  /** Ask the adapter to finish early: the promise resolves with what it has (stats.stopped). */
  stop(): void;
  /** Drop the request: the promise rejects. */
  cancel(): void;
}

/** C: what a call sends, R: what it answers (see HatSeam); hats without calls never call. */
export interface HatActions<C = unknown, R = unknown> {
  /** Sends `payload` to the current model's adapter as a call of its own (not a run). Partials stream to `onPartial`. */
  call(payload: C, onPartial?: (partial: R) => void): HatCall<R>;
}

/** A hat without calls gets no actions to use (so its components fit a seam that gained a call). */
export type ActionsProp<C, R> = [C] extends [never] ? unknown : HatActions<C, R>;

export interface FormProps<P, C = never, R = never> {
  params: P;
  onChange: (next: P) => void;
  facts?: ModelFacts;
  modelId: string;
  actions: ActionsProp<C, R>;
}

export interface OutputProps<P, O, C = never, R = never> {
  params: P;
  /** The result, or while a streaming hat runs, its latest partial. */
  output: O;
  facts?: ModelFacts;
  onChange: (next: P) => void;
  /** True while this output is a partial one (the run goes on). */
  running: boolean;
  /** The person stopped the run: the output is what the hat had by then. */
  stopped: boolean;
  actions: ActionsProp<C, R>;
}

export interface ExplainerProps<P, O> {
  params: P;
  output?: O;
  facts?: ModelFacts;
  modelId: string;
  dtype?: Dtype;
  device?: Device;
  tokens?: TokensInfo;
}

/** A hat's definition; with no type arguments, any hat's, as the registry and the shell see it. */
export interface HatDefinition<P = unknown, O = unknown, C = unknown, R = unknown> {
  id: string;
  icon: string;
  title: string;
  /** The transformers class it teaches, e.g. AutoModelForMaskedLM. */
  autoClass: string;
  purpose: string;
  /** Miya's one-line hat tip. */
  tip: string;
  /** The question from "How to pick a hat?" that this hat answers with yes. */
  pickQuestion: string;
  /**
   * Where the guide asks the question (lower first; default: `order`). The first yes wins, so a
   * narrower question must come before a broader one that would also catch its task.
   */
  pickOrder?: number;
  /** What the guide says when no question got a yes, offering this hat (one hat in the wardrobe sets it). */
  pickFallback?: string;
  /** What a model typed in by id must have for this hat; default: ONNX weights for transformers.js. */
  modelRequirement?: string;
  /** Position in the wardrobe. */
  order: number;
  /**
   * 'live' (default): every edit re-runs after a short pause. 'on-demand': the model runs once
   * when it is ready (so a share link shows its output) and then when the person presses the
   * run button, e.g. generation, which is too slow to redo on every key.
   */
  runMode?: 'live' | 'on-demand';
  /** The run button's label for on-demand hats, e.g. 'Generate'. */
  runLabel?: string;
  /**
   * The output belongs beside what the Form makes (e.g. a head trained in the Form, then tried): the
   * Form renders `<OutputSlot />` (src/components/OutputSlot.tsx) and, outside presenter mode, the
   * shell draws the output panel there instead of after the whole form.
   */
  outputInForm?: boolean;
  /** The adapter streams partials and honours stop: the page shows a Stop button while it runs. */
  stoppable?: boolean;
  defaultModel: string;
  models: CuratedModel[];
  /** The demo wardrobe's models for this hat (from `demo.ts`), the first one its default there. */
  demo: DemoModel[];
  /** The params codec, from the hat's seam. */
  params: ParamsCodec<P>;
  /**
   * The model's answers, best first, as words a student could guess ("meow", "POSITIVE"): a lesson's
   * predict-first step offers them to choose from. Without it, students type their guess.
   */
  guesses?(output: O): string[];
  /** Which texts the Tokens view shows; empty for non-text hats. */
  texts(params: P): string[];
  /** Null when the params can run; otherwise what to tell the person. */
  validate(params: P, facts: ModelFacts | undefined, update: (next: P) => void): InputProblem | null;
  /**
   * The Inside panel (attention, logit lens, hidden states): the views this hat offers. A hat that
   * sets it takes Inside calls through its seam (`InsideRequest` → `InsideAnswer`, src/lib/inside).
   */
  inside?: InsideSupport<P, O>;
  /** A hat whose call only the Inside panel uses may keep components that take no actions. */
  Form: LazyPart<ComponentType<FormProps<P, C, R>>> | LazyPart<ComponentType<FormProps<P>>>;
  /** Fetched while the model loads (HatView), so the first answer is drawn as it arrives. */
  Output: LazyPart<ComponentType<OutputProps<P, O, C, R>>> | LazyPart<ComponentType<OutputProps<P, O>>>;
  Explainer: LazyPart<ComponentType<ExplainerProps<P, O>>>;
}

/**
 * A hat's page half, typed by the seam its adapter is typed by too (see src/lib/hat-seam.ts).
 * The registry reads every hat.ts as a plain HatDefinition: the shell only ever hands a hat's
 * components the params its own codec parsed and the outputs its own adapter sent.
 */
export function defineHat<P, O, C = never, R = never>(
  seam: HatSeam<P, O, C, R>,
  hat: NoInfer<Omit<HatDefinition<P, O, C, R>, 'params'>>,
): HatDefinition<P, O, C, R> {
  return { ...hat, params: seam.codec };
}
