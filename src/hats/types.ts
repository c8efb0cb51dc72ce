import type { ComponentType, LazyExoticComponent } from 'react';
import type { Device, Dtype, ModelFacts, RunStats, TokensInfo } from '@/engine/protocol';

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

/** What the page shows when the input cannot be run as it is. */
export interface InputProblem {
  message: string;
  /** A one-click fix, e.g. insert a mask token. */
  fix?: { label: string; apply: () => void };
}

export interface ParamsCodec<P> {
  defaults: P;
  /** Reads the hat's params from a share link. Bad values fall back to defaults, with a notice each. */
  parse(query: URLSearchParams): { params: P; notices: string[] };
  /** Only non-default values are written. */
  serialize(params: P): [string, string][];
}

/** A one-off request a hat's UI sends to its own adapter, outside the live runs (e.g. "train"). */
export interface HatCall {
  /** The adapter's output for this payload; rejects with the worker's error (kind 'cancelled' after cancel()). */
  promise: Promise<{ output: unknown; stats: RunStats }>;
  /** Ask the adapter to finish early: the promise resolves with what it has (stats.stopped). */
  stop(): void;
  /** Drop the request: the promise rejects. */
  cancel(): void;
}

export interface HatActions {
  /**
   * Runs the current model's adapter with `payload` as its params. The adapter tells such
   * payloads from live params itself (e.g. `{ kind: 'train', … }`). Partials stream to `onPartial`.
   */
  call(payload: unknown, onPartial?: (partial: unknown) => void): HatCall;
}

export interface FormProps<P> {
  params: P;
  onChange: (next: P) => void;
  facts?: ModelFacts;
  modelId: string;
  actions: HatActions;
}

export interface OutputProps<P, O> {
  params: P;
  /** The result, or while a streaming hat runs, its latest partial. */
  output: O;
  facts?: ModelFacts;
  onChange: (next: P) => void;
  /** True while this output is a partial one (the run goes on). */
  running: boolean;
  /** The person stopped the run: the output is what the hat had by then. */
  stopped: boolean;
  actions: HatActions;
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

/** Any hat's definition, as the registry and the shell see it. */
export interface HatDefinition<P = unknown, O = unknown> {
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
  /** The adapter streams partials and honours stop: the page shows a Stop button while it runs. */
  stoppable?: boolean;
  defaultModel: string;
  models: CuratedModel[];
  params: ParamsCodec<P>;
  /** Which texts the Tokens view shows; empty for non-text hats. */
  texts(params: P): string[];
  /** Null when the params can run; otherwise what to tell the person. */
  validate(params: P, facts: ModelFacts | undefined, update: (next: P) => void): InputProblem | null;
  Form: LazyExoticComponent<ComponentType<FormProps<P>>>;
  Output: LazyExoticComponent<ComponentType<OutputProps<P, O>>>;
  Explainer: LazyExoticComponent<ComponentType<ExplainerProps<P, O>>>;
}

/** Erases a hat's own types so the registry can hold every hat in one list. */
export function defineHat<P, O>(hat: HatDefinition<P, O>): HatDefinition {
  return hat as unknown as HatDefinition;
}
