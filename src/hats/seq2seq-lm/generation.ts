import { softmax } from '@/lib/maths';

/*
 * The hat's own greedy decoding loop, kept free of transformers.js so the tests can
 * drive it with fake encoder and decoder functions. The adapter supplies the real ones.
 */

export interface Candidate {
  id: number;
  token: string;
  prob: number;
}

export interface DecoderStep {
  /** The chosen token (the most likely one: greedy decoding). */
  id: number;
  token: string;
  prob: number;
  /** The most likely tokens at this step, best first (the chosen one included). */
  top: Candidate[];
  ms: number;
}

export interface EncoderToken {
  id: number;
  token: string;
  special: boolean;
  /** Part of the task preset's prefix, not of what the person typed. */
  prefix: boolean;
}

/** Numbers from the loaded model's config, for the explainer. */
export interface Seq2SeqArchitecture {
  modelType: string;
  encoderLayers?: number;
  decoderLayers?: number;
  dModel?: number;
  dKv?: number;
  dFf?: number;
  heads?: number;
  vocabSize?: number;
  relativeBuckets?: number;
  relativeMaxDistance?: number;
  feedForward?: string;
  /** The decoder reuses its keys and values (past_key_values) instead of rereading every token. */
  usesCache: boolean;
}

export type Finish = 'eos' | 'length' | 'stopped';

export interface Seq2SeqOutput {
  encoder: { tokens: EncoderToken[]; ms: number; fullLength: number; maxLength: number };
  decoderStartId: number;
  decoderStartToken: string;
  steps: DecoderStep[];
  /** The decoded text so far (special tokens left out). */
  text: string;
  /** null while the run goes on. */
  finish: Finish | null;
  maxNewTokens: number;
  /** Wall time of the whole loop in the worker: encoder, every decoder step, picking tokens. */
  generateMs: number;
  /** Things the person should know about this run (truncation, clamped settings). */
  notes: string[];
  architecture: Seq2SeqArchitecture;
}

/** softmax over the logits, then the k most likely ids [1]. */
export function topCandidates(logits: ArrayLike<number>, k: number, tokenOf: (id: number) => string): Candidate[] {
  // [1] src/lib/maths.ts: the largest logit is taken out first so exp() cannot overflow.
  const p = softmax(logits);
  const best: { id: number; logit: number }[] = [];
  for (let i = 0; i < logits.length; i++) {
    const logit = logits[i] as number;
    if (best.length === k && logit <= best[k - 1]!.logit) continue;
    best.push({ id: i, logit });
    best.sort((a, b) => b.logit - a.logit || a.id - b.id);
    if (best.length > k) best.pop();
  }
  return best.map(({ id }) => ({ id, token: tokenOf(id), prob: p[id] as number }));
}

export interface LoopDeps {
  /** Runs the encoder once over the source. */
  encode(): Promise<void>;
  /** One decoder step over the tokens written so far (the start token first); the logits of the next token. */
  step(ids: readonly number[]): Promise<ArrayLike<number>>;
  decode(ids: readonly number[]): string;
  tokenOf(id: number): string;
  signal: AbortSignal;
  emit(output: Seq2SeqOutput): void;
  now(): number;
  /** Lets the worker read its messages (e.g. "stop") between steps. */
  yieldToEvents(): Promise<void>;
}

export interface LoopSetup {
  startId: number;
  eosIds: readonly number[];
  maxNewTokens: number;
  topK: number;
  /** The output before anything ran; the loop fills in the encoder time, the steps and the text. */
  initial: Seq2SeqOutput;
}

export async function greedyGenerate(setup: LoopSetup, deps: LoopDeps): Promise<Seq2SeqOutput> {
  const started = deps.now();
  let out: Seq2SeqOutput = { ...setup.initial, steps: [], text: '', finish: null, maxNewTokens: setup.maxNewTokens };
  const snapshot = (patch: Partial<Seq2SeqOutput>) => (out = { ...out, ...patch, generateMs: deps.now() - started });
  // [2] The encoder reads the whole source once; every decoder step below reuses its output.
  await deps.encode();
  snapshot({ encoder: { ...out.encoder, ms: deps.now() - started } });
  deps.emit(out);
  const ids = [setup.startId];
  const eos = new Set(setup.eosIds);
  while (out.steps.length < setup.maxNewTokens) {
    await deps.yieldToEvents();
    if (deps.signal.aborted) return snapshot({ finish: 'stopped' });
    const t0 = deps.now();
    const logits = await deps.step(ids);
    // [3] Greedy: the single most likely token is written, and fed back in as the next input.
    const top = topCandidates(logits, setup.topK, deps.tokenOf);
    const chosen = top[0];
    if (!chosen) throw new Error('The decoder returned no logits.');
    ids.push(chosen.id);
    const step: DecoderStep = { ...chosen, top, ms: deps.now() - t0 };
    const done = eos.has(chosen.id);
    snapshot({ steps: [...out.steps, step], text: deps.decode(ids.slice(1)) });
    if (done) return snapshot({ finish: 'eos' });
    // Every step streams; the worker passes the page only a few per second.
    deps.emit(out);
  }
  return snapshot({ finish: 'length' });
}
