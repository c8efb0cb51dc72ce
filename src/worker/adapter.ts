import type { Device, Dtype, ModelFacts, TokensInfo } from '@/engine/protocol';

/** One file's download progress, as transformers.js reports it. */
export interface FileProgress {
  file: string;
  loaded: number;
  total: number;
}

export interface AdapterLoadContext {
  model: string;
  device: Device;
  dtype: Dtype;
  onProgress: (p: FileProgress) => void;
}

export interface RunContext {
  /** Streams a partial output to the page (generation hats). */
  emit: (partial: unknown) => void;
  signal: AbortSignal;
}

export interface RunOutput {
  output: unknown;
  tokens?: TokensInfo;
}

/** A hat's model after loading: what the engine keeps in its cache. */
export interface LoadedHat {
  facts: ModelFacts;
  run(params: unknown, ctx: RunContext): Promise<RunOutput>;
  dispose(): Promise<unknown>;
}

/**
 * The worker half of a hat (`src/hats/<id>/adapter.ts`, default export).
 * It is the only hat file that touches transformers.js.
 */
export interface HatAdapter {
  load(ctx: AdapterLoadContext): Promise<LoadedHat>;
}

/** Input the model cannot take: shown to the person as it is, never as a crash. */
export class BadInputError extends Error {
  override name = 'BadInputError';
}
