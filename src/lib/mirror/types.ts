/** What the mirror's page half and worker half say to each other (both sides import these types). */

/** Which positions a head reads of the shared hidden states. */
export type Reads = 'every' | 'cls' | 'mean' | 'none';

/** A head as the mirror counts it: its own tensors (tied ones count in the body). */
export interface HeadCount {
  /** Stable name, used in data-head and the tables. */
  name: string;
  params: number;
  reads: Reads;
  /** The checkpoint tensors (or the trained layers) that are this head's own. */
  tensors: string[];
}

export interface Anatomy {
  model: string;
  bodyParams: number;
  /** How many of the body's numbers sit in tensors a head uses too (the tied word embeddings). */
  tiedParams: number;
  heads: HeadCount[];
  layers: number;
  hiddenSize: number;
}

/** A head trained in this browser (the custom-head hat), in a form the worker can run. */
export interface TrainedHead {
  /** A name for the page, e.g. "sleepy / playful". */
  name: string;
  /** The body it was trained on (a Hub id). */
  encoder: string;
  pooling: 'mean' | 'cls';
  normalize: boolean;
  hiddenSize: number;
  task: 'classification' | 'regression';
  labels: string[];
  /** PyTorch layout, weight [out][in] row-major; ReLU between layers. */
  layers: { inSize: number; outSize: number; weight: number[]; bias: number[] }[];
}

export interface Guess {
  token: string;
  p: number;
}

export type HeadReading =
  | { kind: 'masked-lm'; name: string; reads: 'every'; positions: Guess[][] }
  | { kind: 'next-sentence'; name: string; reads: 'cls'; isNext: number; notNext: number }
  | { kind: 'hidden'; name: string; reads: 'every' }
  | { kind: 'custom'; name: string; reads: 'mean' | 'cls'; task: TrainedHead['task']; labels: string[]; values: number[] };

export interface MirrorOutput {
  anatomy: Anatomy;
  tokens: string[];
  /** The last hidden state, [seq][hidden]: what every head reads. */
  hidden: number[][];
  readings: HeadReading[];
  /** Trained heads that could not be worn (another width), with the reason. */
  refused: { name: string; why: string }[];
}

export interface MirrorRunParams {
  text: string;
  /** A second sentence for the next-sentence head; empty: one text. */
  pair: string;
  heads: TrainedHead[];
}

/** One row of the drift table: a module of the body (weight and bias together). */
export interface DriftRow {
  /** -1 for the embeddings. */
  layer: number;
  kind: string;
  /** ‖W_tuned − W_base‖ / ‖W_base‖ */
  relative: number;
  params: number;
}

export interface DriftPayload {
  kind: 'drift';
  tuned: string;
}

export interface DriftReport {
  kind: 'drift';
  base: string;
  tuned: string;
  /** Rows read so far (partials) or all of them. */
  rows: DriftRow[];
  done: boolean;
  bytesRead: number;
  totalBytes: number;
}
