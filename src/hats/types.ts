import type { ComponentType, LazyExoticComponent } from 'react';
import type { Device, Dtype, ModelFacts, TokensInfo } from '@/engine/protocol';

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

export interface FormProps<P> {
  params: P;
  onChange: (next: P) => void;
  facts?: ModelFacts;
  modelId: string;
}

export interface OutputProps<P, O> {
  params: P;
  output: O;
  facts?: ModelFacts;
  onChange: (next: P) => void;
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
  /** What a model typed in by id must have for this hat; default: ONNX weights for transformers.js. */
  modelRequirement?: string;
  /** Position in the wardrobe. */
  order: number;
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
