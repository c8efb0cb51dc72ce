import { describe, expect, it } from 'vitest';
import { combineLosses, crossEntropy, logSumExp, meanLoss, nspLoss } from './losses';
import { readMask } from './predictions';

describe('pretraining losses on known logits', () => {
  it('cross-entropy is −log of the softmax probability of the true class', () => {
    // softmax([ln 2, ln 1, ln 1]) = [0.5, 0.25, 0.25]
    const logits = [Math.log(2), 0, 0];
    expect(crossEntropy(logits, 0)).toBeCloseTo(-Math.log(0.5), 12);
    expect(crossEntropy(logits, 2)).toBeCloseTo(-Math.log(0.25), 12);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 9);
    expect(crossEntropy([1000, 0], 1)).toBeCloseTo(1000, 9);
    expect(() => crossEntropy([1, 2], 2)).toThrow(/outside/);
  });

  it('NSP: class 0 is IsNext, class 1 NotNext', () => {
    const seq = [Math.log(9), 0]; // P(IsNext) = 0.9
    expect(nspLoss(seq, true)).toBeCloseTo(-Math.log(0.9), 12);
    expect(nspLoss(seq, false)).toBeCloseTo(-Math.log(0.1), 12);
  });

  it('MLM is the mean over labelled masks, and the total is the plain sum only when both are known', () => {
    const terms = [
      { mask: 0, loss: -Math.log(0.5) },
      { mask: 2, loss: -Math.log(0.25) },
    ];
    const l = combineLosses(terms, -Math.log(0.9));
    expect(l.mlm).toBeCloseTo((Math.log(2) + Math.log(4)) / 2, 12);
    expect(l.total).toBeCloseTo(l.mlm! + l.nsp!, 12);
    expect(combineLosses(terms, undefined).total).toBeUndefined();
    expect(combineLosses([], 0.1)).toMatchObject({ mlm: undefined, nsp: 0.1, total: undefined });
    expect(meanLoss([])).toBeUndefined();
  });
});

describe('readMask', () => {
  const vocab = ['[CLS]', '[SEP]', '[MASK]', 'store', 'milk', 'park'];
  const ids = [0, 2, 1];
  const logits = new Float32Array(ids.length * vocab.length);
  logits.set([0, 0, 0, Math.log(6), Math.log(3), Math.log(1)], 1 * vocab.length); // the mask's row

  it('takes the row of its own position, best first', () => {
    const { top, truth } = readMask(logits, 1, vocab.length, vocab, 2);
    expect(top.map((t) => t.token)).toEqual(['store', 'milk']);
    expect(top[0]!.score).toBeCloseTo(6 / 13, 6);
    expect(truth).toBeUndefined();
  });

  it('scores the true token: probability, rank and its loss term', () => {
    const { truth } = readMask(logits, 1, vocab.length, vocab, 2, 4);
    expect(truth).toMatchObject({ token: 'milk', id: 4, rank: 2 });
    expect(truth!.prob).toBeCloseTo(3 / 13, 6);
    expect(truth!.loss).toBeCloseTo(-Math.log(3 / 13), 6);
  });
});
