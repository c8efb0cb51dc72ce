import type { PreTrainedModel, PreTrainedTokenizer } from '@huggingface/transformers';

/*
 * The one module that reads transformers.js past its documented API: the ONNX sessions behind a
 * model (their input and output names, and the encoder-decoder hats' direct runs), the tokenizer's
 * own tokenizer.json, and the generation config. Each accessor checks the shape it relies on and
 * names this file when an upgrade has moved it (transformers-internals.test.ts fails first).
 */

/** What the hats use of an ONNX Runtime session transformers.js opened. */
export interface OrtSessionView {
  inputNames: readonly string[];
  outputNames: readonly string[];
  /** Runs the session on ONNX Runtime tensors (Tensor.ort_tensor), answering ONNX Runtime tensors. */
  run(feeds: Record<string, unknown>): Promise<Record<string, unknown>>;
}

function moved(what: string): Error {
  return new Error(`transformers.js has changed: ${what}. Update src/worker/sdk/transformers-internals.ts for this version.`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isNames = (v: unknown): v is string[] => Array.isArray(v) && v.every((n) => typeof n === 'string');

function isSession(v: unknown): v is OrtSessionView {
  return isRecord(v) && isNames(v.inputNames) && isNames(v.outputNames) && typeof v.run === 'function';
}

/** The model's ONNX sessions by role: `model` (or the encoder), `decoder_model_merged`, … */
export function sessionsOf(model: PreTrainedModel): Record<string, OrtSessionView> {
  const sessions: unknown = model.sessions;
  if (!isRecord(sessions)) throw moved('PreTrainedModel.sessions is not an object of sessions');
  const out: Record<string, OrtSessionView> = {};
  for (const [role, session] of Object.entries(sessions)) {
    if (!isSession(session)) throw moved(`the “${role}” session has no inputNames, outputNames and run()`);
    out[role] = session;
  }
  return out;
}

/** Every input name of every session of the model. */
export function inputNamesOf(model: PreTrainedModel): string[] {
  return Object.values(sessionsOf(model)).flatMap((s) => [...s.inputNames]);
}

/** Every output name of every session of the model. */
export function outputNamesOf(model: PreTrainedModel): string[] {
  return Object.values(sessionsOf(model)).flatMap((s) => [...s.outputNames]);
}

/** generation_config.json as the model read it; empty when it has none. */
export function generationConfigOf(model: PreTrainedModel): Record<string, unknown> {
  const config: unknown = model.generation_config;
  if (config === null || config === undefined) return {};
  if (!isRecord(config)) throw moved('PreTrainedModel.generation_config is not an object');
  return { ...config };
}

/** The tokenizer's own tokenizer.json (its model, pre-tokenizer and decoder settings). */
export function tokenizerJsonOf(tokenizer: PreTrainedTokenizer): Record<string, unknown> {
  const json: unknown = tokenizer._tokenizerJSON;
  if (!isRecord(json)) throw moved('PreTrainedTokenizer._tokenizerJSON is gone');
  return json;
}
