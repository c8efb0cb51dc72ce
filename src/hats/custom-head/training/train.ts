import { softmax } from '../../../lib/maths';
import { floatToHalf, halfToFloat } from '../../../lib/safetensors/half';
import type { ClassificationEval, Dense, EncoderInfo, Evaluation, Head, LossPoint, RegressionEval, TrainSettings } from '../types';
import { predict } from './network';
import { seeded } from './random';
import { splitIndices, type Split } from './split';

/*
 * Trains a small head on frozen sentence vectors: full-batch gradient descent with Adam.
 *
 * [1] Classification minimises the mean cross-entropy −log p_y with p = softmax(z). Its gradient
 *     with respect to the logits is simply p − onehot(y), averaged over the batch.
 * [2] Regression minimises the mean squared error (z − t)². The targets are first standardised
 *     (t' = (t − μ)/σ) so one learning rate suits paw rubs and house prices alike; afterwards the
 *     last layer is rescaled (W ← σW, b ← σb + μ), so the saved head answers in the target's units
 *     and the losses shown are in those units² as well.
 * [3] Backpropagation through the hidden layer: the output gradient g goes back through W₂ᵀ and
 *     through ReLU, which passes it where the unit was active (a > 0) and blocks it elsewhere.
 * [4] Adam keeps running averages of each gradient (m) and of its square (v) and steps by
 *     lr · m̂ / (√v̂ + ε): about lr per step whatever the gradient's scale.
 * [5] Glorot-uniform first weights (He for the ReLU layer), from the seed; biases start at 0.
 * [6] The saved weights are rounded to float16, the precision the share link carries, so the file,
 *     the link and the live page all compute with the very same numbers. The metrics are measured
 *     on that rounded head.
 */

export interface TrainData {
  /** Sentence vectors, all of the encoder's hidden size. */
  inputs: readonly ArrayLike<number>[];
  /** Class index (classification) or value (regression), per input. */
  targets: readonly number[];
  /** Classification: class names by index. Regression: [target name]. */
  labels: string[];
  texts: readonly string[];
}

interface Param {
  value: Float64Array;
  grad: Float64Array;
  m: Float64Array;
  v: Float64Array;
}

interface Layer {
  inSize: number;
  outSize: number;
  w: Param;
  b: Param;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

function param(size: number, init: (i: number) => number): Param {
  return { value: Float64Array.from({ length: size }, (_, i) => init(i)), grad: new Float64Array(size), m: new Float64Array(size), v: new Float64Array(size) };
}

function layer(inSize: number, outSize: number, limit: number, random: () => number): Layer {
  return { inSize, outSize, w: param(inSize * outSize, () => (random() * 2 - 1) * limit), b: param(outSize, () => 0) }; // [5]
}

const half = (x: number) => halfToFloat(floatToHalf(x)); // [6]

export class Trainer {
  readonly split: Split;
  readonly outputs: number;
  private readonly layers: Layer[];
  private readonly mean: number;
  private readonly scale: number;
  private step = 0;
  private kept: Float64Array[] | null = null;
  epoch = 0;
  /** Set when the loss stopped being a number: why, and what to try. */
  failure?: string;

  constructor(
    private readonly data: TrainData,
    readonly settings: TrainSettings,
    readonly encoder: EncoderInfo,
  ) {
    const d = encoder.hiddenSize;
    if (data.inputs.some((x) => x.length !== d)) throw new Error(`Every sentence vector must have ${d} numbers.`);
    const { task } = settings;
    this.outputs = task === 'classification' ? data.labels.length : 1;
    this.split = splitIndices(task, data.targets, settings.heldOut, settings.seed);
    const random = seeded(settings.seed ^ 0x5eed);
    this.layers =
      settings.architecture === 'mlp' && task === 'classification'
        ? [layer(d, settings.hiddenSize, Math.sqrt(6 / d), random), layer(settings.hiddenSize, this.outputs, Math.sqrt(6 / (settings.hiddenSize + this.outputs)), random)]
        : [layer(d, this.outputs, Math.sqrt(6 / (d + this.outputs)), random)];
    const ys = this.split.train.map((i) => data.targets[i] as number);
    this.mean = task === 'regression' ? ys.reduce((a, b) => a + b, 0) / Math.max(1, ys.length) : 0; // [2]
    const variance = ys.reduce((a, y) => a + (y - this.mean) ** 2, 0) / Math.max(1, ys.length);
    this.scale = task === 'regression' && variance > 0 ? Math.sqrt(variance) : 1;
  }

  get done(): boolean {
    return this.failure !== undefined || this.epoch >= this.settings.epochs;
  }

  /** One pass over the training examples and one Adam step; returns the epoch's losses. */
  trainEpoch(): LossPoint {
    for (const l of this.layers) for (const p of [l.w, l.b]) p.grad.fill(0);
    const n = this.split.train.length;
    let loss = 0;
    for (const i of this.split.train) loss += this.example(i, 1 / n);
    this.step++;
    for (const l of this.layers) for (const p of [l.w, l.b]) this.adam(p);
    this.epoch++;
    const point: LossPoint = { epoch: this.epoch, train: (loss / n) * this.unit(), heldOut: this.heldOutLoss() };
    if (!Number.isFinite(point.train) || (point.heldOut !== null && !Number.isFinite(point.heldOut))) {
      const lr = this.settings.learningRate;
      this.failure =
        `The loss stopped being a number (${point.train}) at epoch ${this.epoch}, so training stopped. ` +
        `The steps were too big for these numbers: try a learning rate of ${lr / 10} instead of ${lr}` +
        (this.settings.task === 'regression' ? ', and check the targets for huge values.' : '.');
    }
    return point;
  }

  /** Remembers the weights as they are now (the epoch with the lowest held-out loss so far). */
  keep(): void {
    this.kept = this.layers.flatMap((l) => [Float64Array.from(l.w.value), Float64Array.from(l.b.value)]);
  }

  /** Puts back the kept weights, if any: the head is then the one from the best epoch. */
  restoreKept(): void {
    const kept = this.kept;
    if (!kept) return;
    this.layers.forEach((l, k) => {
      l.w.value.set(kept[2 * k] as Float64Array);
      l.b.value.set(kept[2 * k + 1] as Float64Array);
    });
  }

  /** Regression losses are reported in target units². */
  private unit(): number {
    return this.settings.task === 'regression' ? this.scale ** 2 : 1;
  }

  private target(i: number): number {
    const t = this.data.targets[i] as number;
    return this.settings.task === 'regression' ? (t - this.mean) / this.scale : t;
  }

  /** Forward pass; with a weight, also adds this example's gradient. Returns its loss. */
  private example(i: number, weight = 0): number {
    const x = this.data.inputs[i] as ArrayLike<number>;
    const [first, second] = this.layers as [Layer, Layer | undefined];
    const a = affine(first, x);
    const r = second ? a.map((v) => (v > 0 ? v : 0)) : a;
    const z = second ? affine(second, r) : a;
    const y = this.target(i);
    let loss: number;
    const g = new Float64Array(z.length);
    if (this.settings.task === 'classification') {
      const p = softmax(z);
      loss = -Math.log(p[y] as number);
      p.forEach((pk, k) => (g[k] = pk - (k === y ? 1 : 0))); // [1]
    } else {
      const diff = (z[0] as number) - y;
      loss = diff * diff;
      g[0] = 2 * diff; // [2]
    }
    if (weight === 0) return loss;
    if (second) {
      accumulate(second, r, g, weight);
      const back = new Float64Array(first.outSize);
      for (let o = 0; o < second.outSize; o++) {
        for (let j = 0; j < second.inSize; j++) back[j] = (back[j] as number) + (second.w.value[o * second.inSize + j] as number) * (g[o] as number); // [3]
      }
      for (let j = 0; j < back.length; j++) if ((a[j] as number) <= 0) back[j] = 0;
      accumulate(first, x, back, weight);
    } else {
      accumulate(first, x, g, weight);
    }
    return loss;
  }

  private heldOutLoss(): number | null {
    const ids = this.split.heldOut;
    if (ids.length === 0) return null;
    return (ids.reduce((s, i) => s + this.example(i), 0) / ids.length) * this.unit();
  }

  private adam(p: Param): void {
    const lr = this.settings.learningRate;
    const c1 = 1 - BETA1 ** this.step;
    const c2 = 1 - BETA2 ** this.step;
    for (let k = 0; k < p.value.length; k++) {
      const g = p.grad[k] as number;
      p.m[k] = BETA1 * (p.m[k] as number) + (1 - BETA1) * g;
      p.v[k] = BETA2 * (p.v[k] as number) + (1 - BETA2) * g * g;
      p.value[k] = (p.value[k] as number) - (lr * ((p.m[k] as number) / c1)) / (Math.sqrt((p.v[k] as number) / c2) + EPS); // [4]
    }
  }

  /** The head as it stands, in target units and float16 precision. */
  head(): Head {
    const last = this.layers.length - 1;
    const layers: Dense[] = this.layers.map((l, k) => {
      const s = k === last ? this.scale : 1;
      const shift = k === last ? this.mean : 0;
      return {
        inSize: l.inSize,
        outSize: l.outSize,
        weight: Float32Array.from(l.w.value, (v) => half(v * s)),
        bias: Float32Array.from(l.b.value, (v) => half(v * s + shift)),
      };
    });
    const head: Head = { task: this.settings.task, labels: [...this.data.labels], encoder: this.encoder, layers, settings: this.settings };
    const evaluation = this.evaluate(head);
    head.metrics = {
      heldOutCount: this.split.heldOut.length,
      trainCount: this.split.train.length,
      ...(evaluation.on === 'held-out' ? (evaluation.task === 'classification' ? { accuracy: evaluation.accuracy } : { mae: evaluation.mae }) : {}),
    };
    return head;
  }

  /** Accuracy and confusion matrix, or MAE and the scatter, on the held-out examples (training ones if none). */
  evaluate(head: Head = this.head()): Evaluation {
    const on = this.split.heldOut.length > 0 ? 'held-out' : 'training';
    const ids = on === 'held-out' ? this.split.heldOut : this.split.train;
    if (head.task === 'classification') {
      const k = head.labels.length;
      const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
      let right = 0;
      for (const i of ids) {
        const truth = this.data.targets[i] as number;
        const guess = predict(head, this.data.inputs[i] as ArrayLike<number>);
        (confusion[truth] as number[])[guess] = ((confusion[truth] as number[])[guess] as number) + 1;
        if (guess === truth) right++;
      }
      const result: ClassificationEval = { task: 'classification', labels: head.labels, confusion, accuracy: ids.length ? right / ids.length : 0, count: ids.length, on };
      return result;
    }
    const points = ids.map((i) => ({ truth: this.data.targets[i] as number, predicted: predict(head, this.data.inputs[i] as ArrayLike<number>), text: this.data.texts[i] ?? '' }));
    const mae = points.reduce((s, p) => s + Math.abs(p.predicted - p.truth), 0) / Math.max(1, points.length);
    const result: RegressionEval = { task: 'regression', points, mae, count: points.length, on };
    return result;
  }
}

function affine(l: Layer, x: ArrayLike<number>): Float64Array {
  const z = new Float64Array(l.outSize);
  for (let o = 0; o < l.outSize; o++) {
    let acc = l.b.value[o] as number;
    const row = o * l.inSize;
    for (let i = 0; i < l.inSize; i++) acc += (l.w.value[row + i] as number) * (x[i] as number);
    z[o] = acc;
  }
  return z;
}

function accumulate(l: Layer, x: ArrayLike<number>, g: Float64Array, weight: number): void {
  for (let o = 0; o < l.outSize; o++) {
    const go = (g[o] as number) * weight;
    if (go === 0) continue;
    l.b.grad[o] = (l.b.grad[o] as number) + go;
    const row = o * l.inSize;
    for (let i = 0; i < l.inSize; i++) l.w.grad[row + i] = (l.w.grad[row + i] as number) + go * (x[i] as number);
  }
}
