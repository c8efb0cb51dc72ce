import { describe, expect, it } from 'vitest';
import { decodeHeadLink } from '../head-codec';
import { DEFAULT_SETTINGS, type Head } from '../types';
import { EpochSnapshots } from './snapshots';

/** A one-unit head whose single weight says which epoch made it. */
const headAt = (epoch: number): Head => ({
  task: 'regression',
  labels: ['value'],
  encoder: { model: 'test/enc', pooling: 'mean', normalize: true, hiddenSize: 1 },
  layers: [{ inSize: 1, outSize: 1, weight: Float32Array.of(epoch), bias: Float32Array.of(0) }],
  settings: DEFAULT_SETTINGS,
});

describe('EpochSnapshots', () => {
  it('keeps the head of every epoch of a short run, in epoch order, as links that decode to that epoch', () => {
    const kept = new EpochSnapshots(150);
    for (let epoch = 1; epoch <= 60; epoch++) kept.take(epoch, () => headAt(epoch), false);
    const links = kept.links();
    expect(links.map((s) => s.epoch)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(links.map((s) => decodeHeadLink(s.head).layers[0]!.weight[0])).toEqual(links.map((s) => s.epoch));
  });

  it('a long run keeps every k-th epoch, at most the limit, plus the first and every best-so-far epoch', () => {
    const kept = new EpochSnapshots(2000, 300);
    expect(kept.every).toBe(7);
    let made = 0;
    for (let epoch = 1; epoch <= 2000; epoch++) {
      kept.take(epoch, () => {
        made++;
        return headAt(epoch);
      }, epoch === 30 || epoch === 31);
    }
    const epochs = kept.links().map((s) => s.epoch);
    expect(epochs.slice(0, 7)).toEqual([1, 7, 14, 21, 28, 30, 31]);
    // 285 multiples of 7, and epochs 1, 30 and 31.
    expect(epochs).toHaveLength(Math.floor(2000 / 7) + 3);
    // Only the kept epochs were ever turned into heads.
    expect(made).toBe(epochs.length);
  });
});
