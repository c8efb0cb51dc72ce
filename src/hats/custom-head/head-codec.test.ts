import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeHeadLink, encodeHeadLink, fitProblem, headFromFile, headToFile, HeadFormatError, HEAD_LINK_MAX } from './head-codec';
import { seeded } from './training/random';
import { DEFAULT_SETTINGS, type Head } from './types';

function makeHead(hiddenSize = 384, labels = ['hungry', 'playful', 'sleepy'], hidden?: number): Head {
  const random = seeded(3);
  const dense = (inSize: number, outSize: number) => ({
    inSize,
    outSize,
    // Values a float16 can hold exactly, as trained heads have.
    weight: Float32Array.from({ length: inSize * outSize }, () => Math.round((random() * 2 - 1) * 1024) / 1024),
    bias: Float32Array.from({ length: outSize }, () => Math.round((random() * 2 - 1) * 64) / 64),
  });
  const layers = hidden ? [dense(hiddenSize, hidden), dense(hidden, labels.length)] : [dense(hiddenSize, labels.length)];
  return {
    task: 'classification',
    labels,
    encoder: { model: 'Xenova/all-MiniLM-L6-v2', pooling: 'mean', normalize: true, hiddenSize },
    layers,
    settings: { ...DEFAULT_SETTINGS, architecture: hidden ? 'mlp' : 'linear', hiddenSize: hidden ?? DEFAULT_SETTINGS.hiddenSize },
    metrics: { heldOutCount: 12, trainCount: 36, accuracy: 0.75 },
  };
}

const plain = (h: Head) => ({ ...h, layers: h.layers.map((l) => ({ ...l, weight: Array.from(l.weight), bias: Array.from(l.bias) })) });

describe('head file', () => {
  it('round-trips a linear head and a head with a hidden layer exactly', () => {
    for (const head of [makeHead(), makeHead(32, ['a', 'b'], 8)]) {
      const text = headToFile(head);
      expect(text).toContain('"format": "hat-wardrobe/custom-head"');
      expect(text).toContain('"model": "Xenova/all-MiniLM-L6-v2"');
      expect(plain(headFromFile(text))).toEqual(plain(head));
    }
  });

  it('writes PyTorch-shaped weights, one row per line', () => {
    const file = JSON.parse(headToFile(makeHead(16))) as { layers: { weight: number[][]; bias: number[] }[]; equation: string };
    expect(file.layers[0]!.weight).toHaveLength(3);
    expect(file.layers[0]!.weight[0]).toHaveLength(16);
    expect(file.equation).toBe('softmax(W·h + b)');
  });

  it('refuses hostile and broken files with a reason', () => {
    const good = JSON.parse(headToFile(makeHead(8))) as Record<string, unknown>;
    const bad = (patch: Record<string, unknown>) => JSON.stringify({ ...good, ...patch });
    const cases: [string, RegExp][] = [
      ['{not json', /not valid JSON/],
      ['[]', /not a custom-head file/],
      [bad({ version: 2 }), /format version 2; this page reads version 1/],
      [bad({ task: 'ranking' }), /"task" must be/],
      [bad({ labels: ['only'] }), /needs 2 to 50 labels/],
      [bad({ labels: ['a', 'a', 'b'] }), /label twice/],
      [bad({ encoder: { model: '../../etc', pooling: 'mean', normalize: true, hiddenSize: 8 } }), /not a Hub model id/],
      [bad({ encoder: { model: 'a/b', pooling: 'max', normalize: true, hiddenSize: 8 } }), /pooling/],
      [bad({ encoder: { model: 'a/b', pooling: 'mean', normalize: true, hiddenSize: 1e9 } }), /input size/],
      [bad({ layers: [] }), /one layer/],
      [bad({ layers: [{ activation: 'none', weight: [[1, 2]], bias: [0] }] }), /reads 2 numbers/],
      [bad({ layers: [{ activation: 'none', weight: Array.from({ length: 3 }, () => new Array(8).fill('x')), bias: [0, 0, 0] }] }), /not a number/],
      [bad({ layers: [{ activation: 'none', weight: Array.from({ length: 3 }, () => new Array(8).fill(1e39)), bias: [0, 0, 0] }] }), /not finite/],
      [bad({ layers: [{ activation: 'none', weight: Array.from({ length: 3 }, () => new Array(8).fill(0)), bias: [0, 0] }] }), /bias must be 3 numbers/],
      [bad({ layers: [{ activation: 'none', weight: Array.from({ length: 2 }, () => new Array(8).fill(0)), bias: [0, 0] }] }), /2 outputs for 3 labels/],
    ];
    for (const [text, message] of cases) {
      expect(() => headFromFile(text), text.slice(0, 60)).toThrow(HeadFormatError);
      expect(() => headFromFile(text)).toThrow(message);
    }
  });
});

describe('head link', () => {
  it('round-trips, and a linear head on a 384-number encoder fits in a link', () => {
    const head = makeHead();
    const link = encodeHeadLink(head);
    expect(link).toMatch(/^[A-Za-z0-9+\-$_]+$/);
    expect(link.length).toBeLessThan(HEAD_LINK_MAX);
    expect(plain(decodeHeadLink(link))).toEqual(plain(head));
  });

  it('refuses damaged, foreign and NaN links', () => {
    expect(() => decodeHeadLink('garbage!!')).toThrow(/damaged|not valid JSON|custom-head/);
    expect(() => decodeHeadLink(encodeHeadLink(makeHead(8)).slice(0, 40))).toThrow(HeadFormatError);
    expect(() => decodeHeadLink(LZString.compressToEncodedURIComponent('{"format":"other"}'))).toThrow(/not a custom-head link/);
    const nan = makeHead(8);
    nan.layers[0]!.weight[3] = NaN;
    expect(() => decodeHeadLink(encodeHeadLink(nan))).toThrow(/not finite/);
    const json = JSON.parse(JSON.stringify({ format: 'hat-wardrobe/custom-head', version: 1, task: 'classification', labels: ['a', 'b'], encoder: { model: 'a/b', pooling: 'mean', normalize: true, hiddenSize: 4 }, layers: [{ in: 4, out: 2, w: 'AAAAAA==', b: 'AAAAAA==' }] })) as unknown;
    expect(() => decodeHeadLink(LZString.compressToEncodedURIComponent(JSON.stringify(json)))).toThrow(/holds 2 numbers where 8 were expected/);
  });

  it('says when a head does not fit the loaded encoder', () => {
    expect(fitProblem(makeHead(16), 32, 'hw-test/tiny-minilm')).toMatch(/reads 16-number sentence vectors, but hw-test\/tiny-minilm makes 32-number ones/);
    expect(fitProblem(makeHead(32), 32, 'hw-test/tiny-minilm')).toBeNull();
  });
});
