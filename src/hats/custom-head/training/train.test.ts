import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type EncoderInfo, type TrainSettings } from '../types';
import { forward, predict } from './network';
import { seeded } from './random';
import { splitIndices } from './split';
import { Trainer, type TrainData } from './train';

const D = 8;
const encoder: EncoderInfo = { model: 'test/encoder', pooling: 'mean', normalize: true, hiddenSize: D };

/** Three well separated clusters: class k sits around +3 on dimension k, with small seeded noise. */
function clusters(perClass: number, seed = 7): TrainData {
  const random = seeded(seed);
  const inputs: Float32Array[] = [];
  const targets: number[] = [];
  for (let k = 0; k < 3; k++) {
    for (let n = 0; n < perClass; n++) {
      const x = Float32Array.from({ length: D }, () => (random() - 0.5) * 0.6);
      x[k] = (x[k] as number) + 3;
      inputs.push(x);
      targets.push(k);
    }
  }
  return { inputs, targets, labels: ['sleepy', 'hungry', 'playful'], texts: inputs.map((_, i) => `row ${i}`) };
}

/** y = 2·x0 − 3·x1 + 0.5·x2 + 4 exactly. */
function linearTarget(n: number): TrainData {
  const random = seeded(11);
  const inputs = Array.from({ length: n }, () => Float32Array.from({ length: D }, () => random() * 2 - 1));
  const targets = inputs.map((x) => 2 * (x[0] as number) - 3 * (x[1] as number) + 0.5 * (x[2] as number) + 4);
  return { inputs, targets, labels: ['value'], texts: inputs.map((_, i) => `row ${i}`) };
}

function trainAll(data: TrainData, settings: TrainSettings): Trainer {
  const t = new Trainer(data, settings, encoder);
  while (!t.done) t.trainEpoch();
  return t;
}

describe('splitIndices', () => {
  it('holds out the share of each label, keeps one of each in training, and depends only on the seed', () => {
    const targets = [0, 0, 0, 0, 1, 1, 1, 1, 2];
    const a = splitIndices('classification', targets, 0.25, 5);
    expect(a.heldOut.length).toBe(2);
    expect(a.train).toContain(8);
    expect(splitIndices('classification', targets, 0.25, 5)).toEqual(a);
    expect([...a.train, ...a.heldOut].sort()).toEqual(targets.map((_, i) => i).sort());
    expect(splitIndices('classification', targets, 0, 5).heldOut).toEqual([]);
  });
});

describe('Trainer', () => {
  it('reaches 100% held-out accuracy on separable classes, linear and with a hidden layer', () => {
    for (const architecture of ['linear', 'mlp'] as const) {
      const t = trainAll(clusters(12), { ...DEFAULT_SETTINGS, architecture, epochs: 120, learningRate: 0.05, hiddenSize: 8 });
      const ev = t.evaluate();
      expect(ev.on).toBe('held-out');
      expect(ev.task === 'classification' && ev.accuracy).toBe(1);
      expect(ev.task === 'classification' && ev.confusion.map((row, k) => row[k])).toEqual([3, 3, 3]);
      expect(t.head().layers).toHaveLength(architecture === 'mlp' ? 2 : 1);
    }
  });

  it('lowers the training loss and is deterministic for a seed', () => {
    const settings = { ...DEFAULT_SETTINGS, epochs: 40 };
    const a = new Trainer(clusters(10), settings, encoder);
    const first = a.trainEpoch().train;
    let last = first;
    while (!a.done) last = a.trainEpoch().train;
    expect(last).toBeLessThan(first / 5);
    const b = trainAll(clusters(10), settings);
    expect(Array.from(a.head().layers[0]!.weight)).toEqual(Array.from(b.head().layers[0]!.weight));
    const c = trainAll(clusters(10), { ...settings, seed: 7 });
    expect(Array.from(c.head().layers[0]!.weight)).not.toEqual(Array.from(b.head().layers[0]!.weight));
  });

  it('recovers a linear target within tolerance, in the target units', () => {
    const t = trainAll(linearTarget(80), { ...DEFAULT_SETTINGS, task: 'regression', epochs: 600, learningRate: 0.05, heldOut: 0.2 });
    const head = t.head();
    const w = Array.from(head.layers[0]!.weight);
    expect(w[0]).toBeCloseTo(2, 1);
    expect(w[1]).toBeCloseTo(-3, 1);
    expect(w[2]).toBeCloseTo(0.5, 1);
    for (const x of w.slice(3)) expect(Math.abs(x)).toBeLessThan(0.05);
    expect(head.layers[0]!.bias[0]).toBeCloseTo(4, 1);
    const ev = t.evaluate(head);
    expect(ev.task === 'regression' && ev.mae).toBeLessThan(0.05);
    expect(predict(head, [1, 0, 0, 0, 0, 0, 0, 0])).toBeCloseTo(6, 1);
  });

  it('stops with a reason and a suggestion when the loss is no longer a number', () => {
    const data = clusters(4);
    const huge = { ...data, inputs: data.inputs.map((x) => Array.from(x, (v) => v * 1e38)) };
    const t = new Trainer(huge, { ...DEFAULT_SETTINGS, learningRate: 5, epochs: 50 }, encoder);
    while (!t.done) t.trainEpoch();
    expect(t.epoch).toBeLessThan(50);
    expect(t.failure).toMatch(/stopped being a number .* try a learning rate of 0\.5 instead of 5/);
  });

  it('stores float16 weights and a forward pass that matches softmax(W·h + b)', () => {
    const t = trainAll(clusters(6), { ...DEFAULT_SETTINGS, epochs: 20 });
    const head = t.head();
    const layer = head.layers[0]!;
    const h = clusters(6).inputs[0]!;
    const z = Array.from({ length: 3 }, (_, o) => layer.bias[o]! + Array.from(h).reduce((s, v, i) => s + layer.weight[o * D + i]! * v, 0));
    const f = forward(head, h);
    z.forEach((v, o) => expect(f.z[o]).toBeCloseTo(v, 5));
    expect(f.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
    for (const v of layer.weight) expect(Math.fround(v)).toBe(v);
  });
});
