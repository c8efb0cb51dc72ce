import type { Device, Dtype, FileSize, ModelFacts, TokensInfo } from '@/engine/protocol';
import { SLOW_STEP_MS, type Pace } from '@/lib/pace';

/** One file's download progress, as transformers.js reports it. */
export interface FileProgress {
  file: string;
  loaded: number;
  total: number;
}

export interface AdapterLoadContext {
  model: string;
  /** Base URL of the Hub-shaped host the model comes from. */
  host: string;
  device: Device;
  dtype: Dtype;
  onProgress: (p: FileProgress) => void;
}

export interface RunContext {
  /** Streams a partial output to the page (generation hats). */
  emit: (partial: unknown) => void;
  /**
   * Aborts when the page cancels the run (its answer will be dropped) or stops it
   * (`stopped()` is then true): a stopped hat returns what it has so far, marked as such.
   */
  signal: AbortSignal;
  stopped(): boolean;
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

export interface SourceQuery {
  model: string;
  host: string;
  dtype: Dtype;
  device: Device;
}

/**
 * Where a hat's weights come from and what they cost to fetch. The default reads a transformers.js
 * ONNX export (onnx/model*.onnx); hats that build their graph in the page from a checkpoint's
 * safetensors say so with a source of their own.
 */
export interface ModelSource {
  /** The dtypes this model can run in; empty when it has nothing the hat can use. */
  availableDtypes(query: Omit<SourceQuery, 'dtype' | 'device'>): Promise<Dtype[]>;
  files(query: SourceQuery): Promise<FileSize[]>;
  cached(query: SourceQuery): Promise<boolean>;
}

/**
 * The worker half of a hat (`src/hats/<id>/adapter.ts`, default export).
 * It is the only hat file that touches transformers.js.
 */
export interface HatAdapter {
  /** Omitted: the model is a transformers.js ONNX export on the host. */
  source?: ModelSource;
  load(ctx: AdapterLoadContext): Promise<LoadedHat>;
}

/** Input the model cannot take: shown to the person as it is, never as a crash. */
export class BadInputError extends Error {
  override name = 'BadInputError';
}

/**
 * Lets the worker handle messages that arrived while a hat loops (a Stop or a cancel) before its
 * next step: a message round trip, which runs after queued messages without setTimeout's clamping.
 */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * What a looping hat awaits before each step: at 'fast', only a message round trip (so a Stop is
 * seen); at 'slow', also a wait of SLOW_STEP_MS before every step after the first. The wait ends at
 * once when the run is stopped or cancelled, so Stop is never delayed by the pace.
 */
export function pacer(pace: Pace, signal: AbortSignal): () => Promise<void> {
  let first = true;
  return async () => {
    await yieldToMessages();
    if (pace !== 'slow' || first || signal.aborted) {
      first = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, SLOW_STEP_MS);
      signal.addEventListener('abort', done);
    });
  };
}
