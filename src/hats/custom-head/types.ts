/** Shared shapes of the custom-head hat: examples, settings, the head itself and what the worker answers. */

export type Task = 'classification' | 'regression';
/** linear: softmax(W·h + b) or w·h + b. mlp: one hidden layer with ReLU before the output layer. */
export type Architecture = 'linear' | 'mlp';
/** How the encoder's token vectors become one sentence vector. */
export type Pooling = 'mean' | 'cls';

export interface Example {
  text: string;
  /** A class name (classification) or a number written as text (regression). */
  label: string;
}

export interface TrainSettings {
  task: Task;
  architecture: Architecture;
  learningRate: number;
  epochs: number;
  /** Units of the hidden layer (mlp only). */
  hiddenSize: number;
  /** Share of the examples kept out of training to measure the head honestly, 0 to 0.5. */
  heldOut: number;
  seed: number;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  task: 'classification',
  architecture: 'linear',
  learningRate: 0.05,
  epochs: 150,
  hiddenSize: 16,
  heldOut: 0.25,
  seed: 42,
};

/** One fully connected layer, PyTorch layout: weight is [outSize, inSize], row-major. */
export interface Dense {
  inSize: number;
  outSize: number;
  weight: Float32Array;
  bias: Float32Array;
}

export interface EncoderInfo {
  /** Hub id of the frozen encoder the head was trained on. */
  model: string;
  pooling: Pooling;
  /** The sentence vector is scaled to length 1 before the head reads it. */
  normalize: boolean;
  /** Length of the sentence vector: the head's input size. */
  hiddenSize: number;
}

export interface HeadMetrics {
  heldOutCount: number;
  trainCount: number;
  /** Classification: share of held-out examples predicted right. */
  accuracy?: number;
  /** Regression: mean absolute error on the held-out examples. */
  mae?: number;
}

export interface Head {
  task: Task;
  /** Classification: one name per output unit. Regression: the target's name (one unit). */
  labels: string[];
  encoder: EncoderInfo;
  /** 1 layer (linear) or 2 (hidden with ReLU, then output). */
  layers: Dense[];
  settings: TrainSettings;
  metrics?: HeadMetrics;
}

/** A point of the loss curve; losses are averages over the examples (cross-entropy, or MSE in target units²). */
export interface LossPoint {
  epoch: number;
  train: number;
  heldOut: number | null;
}

/** The head as it stood after one epoch, in its link form. */
export interface EpochHead {
  epoch: number;
  head: string;
}

export interface ClassificationEval {
  task: 'classification';
  labels: string[];
  /** confusion[true][predicted] counts over the held-out examples. */
  confusion: number[][];
  accuracy: number;
  count: number;
  /** 'held-out' normally; 'training' when nothing was held out (then the numbers flatter the head). */
  on: 'held-out' | 'training';
}

export interface RegressionEval {
  task: 'regression';
  points: { truth: number; predicted: number; text: string }[];
  mae: number;
  count: number;
  on: 'held-out' | 'training';
}

export type Evaluation = ClassificationEval | RegressionEval;

/** The worker's answer to a training call, streamed as partials of the same shape. */
export interface TrainReport {
  kind: 'train';
  phase: 'embedding' | 'training' | 'done' | 'stopped' | 'failed';
  embedded: number;
  total: number;
  /** Embeddings found in the cache (computed by an earlier run). */
  reused: number;
  epochs: number;
  history: LossPoint[];
  /** The epoch with the lowest held-out loss so far: the head returned carries its weights. */
  bestEpoch?: number;
  /** Set when training stopped itself: the held-out loss had not improved for `patience` epochs. */
  overfit?: { from: number; patience: number };
  /** The trained head in its link form (see head-codec.ts), once there is one. */
  head?: string;
  /** The head after each epoch (every k-th in a very long run), in the final answer only (training/snapshots.ts). */
  snapshots?: EpochHead[];
  evaluation?: Evaluation;
  /** Why training failed (e.g. a NaN loss), with a suggestion. */
  error?: string;
  embedMsPerExample?: number;
  trainMsPerEpoch?: number;
}

export interface TrainPayload {
  kind: 'train';
  examples: Example[];
  settings: TrainSettings;
  /** Regression: what the number means (e.g. "paw rubs"). */
  targetName?: string;
}

/** The live answer: the head applied to the typed text. */
export interface Prediction {
  kind: 'predict';
  task: Task;
  labels: string[];
  /** The pooled (and normalized) sentence vector h the head reads. */
  h: number[];
  /** ReLU(W₁·h + b₁) for a head with a hidden layer. */
  hidden?: number[];
  /** W·h + b: logits (classification) or the value (regression). */
  z: number[];
  /** softmax(z) for classification; empty for regression. */
  probabilities: number[];
}
