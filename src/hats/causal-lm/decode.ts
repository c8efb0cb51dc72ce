import { chooseNext, mulberry32, type SamplingSettings, type StepChoice } from './sampling';

/*
 * The decoding loop, written out instead of calling generate() so that every
 * step's distribution can be shown and sampling is seeded. It knows nothing of
 * ONNX: `forward` is any function from token ids to the next token's logits.
 *
 * [1] Autoregressive generation: the model scores every vocabulary entry as the
 *     next token given all tokens so far; one is chosen, appended, and the model
 *     runs again. It stops at an end-of-text token or after max_new_tokens.
 * [2] The KV cache: a decoder's keys and values for earlier tokens never change
 *     (the causal mask stops them from seeing later tokens), so a model with
 *     past_key_values inputs only needs the new tokens on each step; `alreadyFed`
 *     tells `forward` how many it has seen. A model without them reads the whole
 *     sequence again every step: same answer, more work.
 */

export type Forward = (ids: readonly number[], alreadyFed: number) => Promise<ArrayLike<number>>;

export type Finish = 'eos' | 'length' | 'stopped';

export interface DecodeOptions {
  promptIds: readonly number[];
  maxNewTokens: number;
  eosIds: readonly number[];
  settings: SamplingSettings;
  seed: number;
  forward: Forward;
  signal?: AbortSignal;
  /** Called after every step with all steps so far (for streaming). */
  onStep?: (steps: readonly StepChoice[]) => void;
  /**
   * Awaited before every step. A worker only handles a "stop" message between tasks; model runs
   * that resolve without leaving the current task would otherwise let the loop finish first.
   */
  pause?: () => Promise<void>;
}

export interface DecodeResult {
  steps: StepChoice[];
  finish: Finish;
}

/** [1] */
export async function decode(o: DecodeOptions): Promise<DecodeResult> {
  if (o.promptIds.length === 0) throw new Error('decode needs at least one token to start from');
  const random = mulberry32(o.seed);
  const ids = [...o.promptIds];
  const steps: StepChoice[] = [];
  const eos = new Set(o.eosIds);
  let fed = 0;
  while (steps.length < o.maxNewTokens) {
    await o.pause?.();
    if (o.signal?.aborted) return { steps, finish: 'stopped' };
    const logits = await o.forward(ids, fed); // [2]
    fed = ids.length;
    const step = chooseNext(logits, o.settings, random);
    steps.push(step);
    ids.push(step.id);
    o.onStep?.(steps);
    if (eos.has(step.id)) return { steps, finish: 'eos' };
  }
  return { steps, finish: 'length' };
}

export interface WindowFit {
  ids: number[];
  maxNewTokens: number;
  /** Prompt tokens dropped from the start. */
  dropped: number;
  notes: string[];
}

/**
 * Prompt and new tokens must fit the model's context window (its position
 * embeddings): keep the last prompt tokens that leave room for the new ones,
 * and never ask for more new tokens than the window holds.
 */
export function fitToWindow(promptIds: readonly number[], maxNewTokens: number, window: number): WindowFit {
  const notes: string[] = [];
  let room = maxNewTokens;
  if (room > window - 1) {
    room = window - 1;
    notes.push(`The model's window is ${window} tokens, so at most ${room} new tokens fit; generating ${room}.`);
  }
  const keep = Math.max(1, window - room);
  if (promptIds.length <= keep) return { ids: [...promptIds], maxNewTokens: room, dropped: 0, notes };
  const dropped = promptIds.length - keep;
  notes.push(
    `The prompt has ${promptIds.length} tokens, but the window of ${window} must also hold ${room} new ones: the model reads only the last ${keep} (the first ${dropped} are dropped).`,
  );
  return { ids: promptIds.slice(dropped), maxNewTokens: room, dropped, notes };
}
