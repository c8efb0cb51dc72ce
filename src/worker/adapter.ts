import type { Device, Dtype, FileSize, LoadStage, ModelFacts, TokensInfo } from '@/engine/protocol';
import type { HatSeam } from '@/lib/hat-seam';
import { SLOW_STEP_MS, type Pace } from '@/lib/pace';
import { inbox } from './inbox';

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
  /** What the load is doing besides downloading, for the page (reading, building, starting). */
  onStage?: (stage: LoadStage) => void;
}

/**
 * A partial output, or a function that makes it: the page gets only a few partials a second (see
 * partials.ts), so a hat that emits on every step passes a function, called only when one is posted.
 * (A partial crosses postMessage, so it is never itself a function.)
 */
export type Emitted<T> = T | (() => T);

/** The partial an `Emitted` stands for, made now. */
export const madePartial = <T>(emitted: Emitted<T>): T => (typeof emitted === 'function' ? (emitted as () => T)() : emitted);

/** T: what the run streams (a run streams its output type, a call its answer type). */
export interface RunContext<T = unknown> {
  /** Streams a partial output to the page (generation hats, training). */
  emit: (partial: Emitted<T>) => void;
  /**
   * Aborts when the page cancels the run (its answer will be dropped) or stops it
   * (`stopped()` is then true): a stopped hat returns what it has so far, marked as such.
   */
  signal: AbortSignal;
  stopped(): boolean;
}

export interface RunOutput<O = unknown> {
  output: O;
  tokens?: TokensInfo;
}

/** A hat's model after loading, as the engine keeps it in its cache (types erased: see defineAdapter). */
export interface LoadedHat {
  facts: ModelFacts;
  run(params: unknown, ctx: RunContext): Promise<RunOutput>;
  /** A one-off call (protocol `call`), for hats whose seam has one. */
  call?(payload: unknown, ctx: RunContext): Promise<unknown>;
  /** The output's lists that only grow while a run streams (the seam's `appends`). */
  appends?: readonly string[];
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

/** The worker half of a hat as the engine sees it: what `defineAdapter` makes of a typed adapter. */
export interface HatAdapter {
  /** Omitted: the model is a transformers.js ONNX export on the host. */
  source?: ModelSource;
  load(ctx: AdapterLoadContext): Promise<LoadedHat>;
}

/** A loaded model in the hat's own types (P params, O output, C and R a call's payload and answer). */
export type TypedLoadedHat<P, O, C, R> = {
  facts: ModelFacts;
  run(params: P, ctx: RunContext<O>): Promise<RunOutput<O>>;
  dispose(): Promise<unknown>;
} & ([C] extends [never] ? unknown : { call(payload: C, ctx: RunContext<R>): Promise<R> });

/**
 * The worker half of a hat (`src/hats/<id>/adapter.ts`, default export), the only hat file besides
 * its head that touches the model runtime.
 */
export interface TypedAdapter<P, O, C, R> {
  /** Omitted: the model is a transformers.js ONNX export on the host. */
  source?: ModelSource;
  load(ctx: AdapterLoadContext): Promise<TypedLoadedHat<P, O, C, R>>;
}

/**
 * Types an adapter by its hat's seam (the same one hat.ts takes), and checks what crosses
 * postMessage against it before the adapter sees it.
 */
export function defineAdapter<P, O, C = never, R = never>(seam: HatSeam<P, O, C, R>, adapter: NoInfer<TypedAdapter<P, O, C, R>>): HatAdapter {
  return {
    source: adapter.source,
    async load(ctx) {
      const hat: TypedLoadedHat<P, O, never, never> & { call?: (payload: C, ctx: RunContext<R>) => Promise<R> } = await adapter.load(ctx);
      const readCall = seam.call;
      const call = hat.call;
      return {
        facts: hat.facts,
        run: (params, runCtx) => hat.run(seam.params(params), runCtx),
        ...(call && readCall ? { call: (payload: unknown, runCtx: RunContext) => call(readCall(payload), runCtx) } : {}),
        ...(seam.appends ? { appends: seam.appends } : {}),
        dispose: () => hat.dispose(),
      };
    },
  };
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
    waiting.push(resolve);
    // One channel for every yield: a generation yields on every token.
    channel ??= newYieldChannel();
    channel.port2.postMessage(null);
  });
}

const waiting: (() => void)[] = [];
let channel: MessageChannel | undefined;

function newYieldChannel(): MessageChannel {
  const made = new MessageChannel();
  made.port1.onmessage = () => waiting.shift()?.();
  return made;
}

/** At the fast pace, the longest a looping hat goes without letting the worker see its messages, where it cannot tell whether any came. */
export const YIELD_EVERY_MS = 20;

/**
 * What a looping hat awaits before each step: at 'fast', a message round trip (so a Stop or a cancel
 * is seen) before the first step and then whenever a message is waiting [2], or where the worker
 * cannot tell, once YIELD_EVERY_MS have passed since the last; at 'slow', a round trip and a wait of
 * SLOW_STEP_MS before every step after the first. The wait ends at once when the run is stopped or
 * cancelled, so Stop is never delayed by the pace.
 * [1] In a worker that is generating, a round trip costs 0.15–0.4 ms (whatever the runtime has queued
 *     runs in it): every 20 ms it came before every second step of a distilgpt2-sized model, 0.1–0.2 ms
 *     a token, 1–1.5 % of a step, and a Stop landed within 20 ms and a step.
 * [2] Where the page shares a count of the messages it posted (the mailbox, inbox.ts), a step costs
 *     no round trip at all until one is on its way; a Stop then lands within the step under way (a
 *     message still in flight when the loop looks is seen at the next step's look).
 * `now`, `yieldNow` and `waiting` are the clock, the round trip and the inbox, given by tests.
 */
export function pacer(
  pace: Pace,
  signal: AbortSignal,
  now = () => performance.now(),
  yieldNow = yieldToMessages,
  waiting = () => inbox.waiting(),
): () => Promise<void> {
  let first = true;
  let yielded = -Infinity;
  return async () => {
    const at = now();
    const asked = waiting();
    if (pace === 'slow' || first || (asked ?? (at - yielded >= YIELD_EVERY_MS))) {
      yielded = at;
      await yieldNow(); // [1]
    }
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
