/*
 * The Inside panel's contract: what a hat offers (InsideSupport, on its hat.ts), what the page asks
 * its adapter through the seam's call (InsideRequest) and what comes back (InsidePlan, InsideLook).
 * Shared by every hat that shows its insides; names none of them.
 */

export const INSIDE_VIEWS = ['attention', 'lens', 'hidden'] as const;
/** attention: token-to-token weights; lens: the output head read at every layer; hidden: each layer's vectors. */
export type InsideView = (typeof INSIDE_VIEWS)[number];

/** What a hat declares on its hat.ts (`inside`), page side. P: the hat's params. */
export interface InsideSupport<P = unknown, O = unknown> {
  /** The views this hat can offer (a model may still lack one: the plan says why). */
  views: readonly InsideView[];
  /** The text the panel looks inside, for its caption (the adapter reads the params itself). */
  caption(params: P): string;
  /**
   * The hat's own words for the panel's explanations, where the general ones do not fit its model
   * (a GPT-2 has no [CLS] to soak up attention; a ViT reads patches, not words).
   */
  notes?: Partial<Record<InsideNote, string>>;
  /**
   * For a hat whose run feeds the model several inputs (one pair per ending, one window per slice
   * of a long context), the panel looks inside one of them and lets the learner pick which: the
   * link param that names it (1-based, e.g. `ending`), and the one to show when the link does not
   * say (0-based, from the run's output; default the first).
   */
  pick?: { param: string; preferred?(output: O): number | undefined };
}

/** The panel's explanations: what a head is, where spare attention goes, the lens, the hidden states. */
export type InsideNote = 'head' | 'special' | 'lens' | 'hidden';

/**
 * The call payload (seam `C`): `plan` asks what a look costs and which views the loaded model
 * can show, before anything big is fetched; `look` runs the forward pass on the hat's params (on
 * input `pick`, 0-based, where the run feeds several: InsidePicks).
 */
export type InsideRequest<P = unknown> = { kind: 'plan' } | { kind: 'look'; params: P; pick?: number };

/** Which views cannot be shown for this model, each with one sentence that says why. */
export type InsideGaps = Partial<Record<InsideView, string>>;

export interface InsidePlan {
  kind: 'plan';
  /** The repo whose weights the look reads (the model itself, or the checkpoint it was exported from); null: none. */
  source: string | null;
  /** Bytes a look still has to download (0 when cached). */
  bytes: number;
  cached: boolean;
  /** Transformer layers and heads per layer of the body (0 when it cannot be read). */
  layers: number;
  heads: number;
  gaps: InsideGaps;
}

/** One attention of the model (an encoder has one, "self"; an encoder-decoder three). */
export interface AttentionMap {
  /** e.g. 'self', 'encoder self', 'decoder self', 'cross'. */
  name: string;
  /** Row labels: the query tokens (or patches). */
  queries: string[];
  /** Column labels: the key tokens (or patches). */
  keys: string[];
  heads: number;
  /** One per layer (layer 1 first): softmax weights [heads][queries][keys], row-major; each row sums to 1. */
  layers: Float32Array[];
  /**
   * For a model that reads a picture (InsideLook.picture): where each token (queries and keys are
   * the same tokens) sits in the patch grid, row by row from 0, or null for a token that is no
   * patch, such as [CLS]. Grid cells no token names were not read by this attention.
   */
  patches?: (number | null)[];
  /** Why this attention is shown, where that needs saying (e.g. what a decoder reads). */
  note?: string;
}

/** The picture a vision model read, so its attention can be drawn over it. */
export interface InsidePicture {
  /** RGB bytes, row by row, size × size × 3, as the model read it. */
  rgb: Uint8ClampedArray;
  size: number;
  /** Patches per side. */
  grid: number;
  label: string;
}

export interface LensGuess {
  token: string;
  /** Probability after softmax over the vocabulary. */
  p: number;
}

/** The output head applied at one position to every layer's hidden state. */
export interface LensPosition {
  position: number;
  /** The token at that position. */
  token: string;
  /** One per hidden state: index 0 the embeddings, then layer 1 … L; each the top guesses, best first. */
  layers: LensGuess[][];
}

export interface InsideLens {
  positions: LensPosition[];
  /** The position shown first (e.g. the first mask). */
  focus: number;
}

export interface InsideHidden {
  tokens: string[];
  width: number;
  /** Index 0 the embeddings, then layer 1 … L: [tokens][width], row-major. */
  layers: Float32Array[];
}

export interface InsideLook {
  kind: 'look';
  /** The repo whose weights produced the numbers. */
  source: string;
  dtype: string;
  attention: AttentionMap[];
  lens?: InsideLens;
  hidden?: InsideHidden;
  /** Where the run feeds the model several inputs: which one this look shows. */
  picks?: InsidePicks;
  /** A vision model's input, for attention drawn over the picture (AttentionMap.patches). */
  picture?: InsidePicture;
  gaps: InsideGaps;
}

/** The inputs a run feeds the model, one of which a look shows (InsideSupport.pick). */
export interface InsidePicks {
  /** The picker's label, e.g. 'Which ending'. */
  label: string;
  /** One short name per input, in order. */
  names: string[];
  /** The one shown, 0-based. */
  shown: number;
}

/** While a look downloads weights: bytes so far of the total (a partial of the call). */
export interface InsideProgress {
  kind: 'progress';
  loaded: number;
  total: number;
}

/** The call's answer (seam `R`), and its partials. */
export type InsideAnswer = InsidePlan | InsideLook | InsideProgress;

/** Checks a call payload that crossed postMessage (the adapter checks the params with its seam). */
export function readInsideRequest(raw: unknown): InsideRequest {
  if (typeof raw !== 'object' || raw === null) throw new Error('An Inside request must be an object.');
  const r = raw as Record<string, unknown>;
  if (r.kind === 'plan') return { kind: 'plan' };
  if (r.kind === 'look' && typeof r.params === 'object' && r.params !== null) {
    if (r.pick === undefined) return { kind: 'look', params: r.params };
    if (Number.isInteger(r.pick) && (r.pick as number) >= 0) return { kind: 'look', params: r.params, pick: r.pick as number };
    throw new Error(`“${String(r.pick)}” is not an input to look inside (a whole number from 0).`);
  }
  throw new Error(`“${String(r.kind)}” is not an Inside request (plan or look with params).`);
}
