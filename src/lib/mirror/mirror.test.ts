import { describe, expect, it } from 'vitest';
import { poolFor, wearHead } from './dense-head';
import { driftModules, driftSentence, relativeChange } from './drift';
import { MIRROR_DEFAULTS, parseMirror, serializeMirror } from './params';
import { headsFor, rememberHead, trainedHeads } from './trained-heads';
import type { TrainedHead } from './types';
import { mirrorBodyFor } from './body-for';

const head = (over: Partial<TrainedHead> = {}): TrainedHead => ({
  name: 'yes / no',
  encoder: 'org/body',
  pooling: 'mean',
  normalize: false,
  hiddenSize: 2,
  task: 'classification',
  labels: ['yes', 'no'],
  layers: [{ inSize: 2, outSize: 2, weight: [1, 0, 0, 1], bias: [0, 0] }],
  ...over,
});

function memoryStore() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('the mirror link', () => {
  it('round-trips what differs from the defaults, and starts with the view', () => {
    const p = { ...MIRROR_DEFAULTS, model: 'hw-test/tiny-bert-mirror', tuned: 'hw-test/tiny-bert-mirror-tuned', text: 'a [MASK] b' };
    const query = serializeMirror(p);
    expect(query.startsWith('view=mirror&')).toBe(true);
    expect(query).not.toContain('pair=');
    expect(parseMirror(new URLSearchParams(query))).toEqual({ params: p, notices: [] });
  });

  it('refuses a model id that is not one, with a notice, and keeps the default body', () => {
    const { params, notices } = parseMirror(new URLSearchParams('view=mirror&model=../../etc&tuned=a b'));
    expect(params.model).toBe(MIRROR_DEFAULTS.model);
    expect(params.tuned).toBe('');
    expect(notices).toHaveLength(2);
  });
});

describe('drift maths', () => {
  it('is ‖W_ft − W_base‖ / ‖W_base‖ over weight and bias together', () => {
    const base = [Float32Array.of(3, 0), Float32Array.of(4)];
    expect(relativeChange(base, [Float32Array.of(3, 0), Float32Array.of(4)])).toBe(0);
    expect(relativeChange(base, [Float32Array.of(3.5, 0), Float32Array.of(4)])).toBeCloseTo(0.1, 12);
    expect(relativeChange(base, [Float32Array.of(6, 0), Float32Array.of(8)])).toBeCloseTo(1, 12);
    expect(() => relativeChange(base, [Float32Array.of(1), Float32Array.of(4)])).toThrow(/numbers/);
  });

  it('lists the embeddings, then eight parts per layer, and says where the body moved most', () => {
    const modules = driftModules({ family: 'bert', vocabSize: 5, hiddenSize: 2, numLayers: 3, numHeads: 1, intermediateSize: 4, maxPositions: 8, typeVocabSize: 2, layerNormEps: 1e-12 });
    expect(modules).toHaveLength(4 + 8 * 3);
    const rows = modules.map((m) => ({ layer: m.layer, kind: m.kind, params: 1, relative: m.layer === 2 && m.kind === 'value' ? 0.031 : 0 }));
    expect(driftSentence(rows, 'x/tuned')).toContain('the value of layer 3, by 3.1%');
    expect(driftSentence(rows.map((r) => ({ ...r, relative: 0 })), 'x/tuned')).toContain('only the head learned');
  });
});

describe('a trained head worn on hidden states', () => {
  const hidden = [
    [1, 3],
    [3, 1],
  ];
  it('pools as it was trained: the mean of every row, or [CLS], then length 1 when asked', () => {
    expect(poolFor({ pooling: 'mean', normalize: false }, hidden)).toEqual([2, 2]);
    expect(poolFor({ pooling: 'cls', normalize: false }, hidden)).toEqual([1, 3]);
    const unit = poolFor({ pooling: 'mean', normalize: true }, hidden);
    expect(Math.hypot(...unit)).toBeCloseTo(1, 12);
  });

  it('applies ReLU between layers and softmax at the end of a classifier', () => {
    expect(wearHead(head(), [[0, Math.log(3)]])).toEqual([0.25, 0.75].map((p) => expect.closeTo(p, 12)));
    const mlp = head({ pooling: 'cls', layers: [{ inSize: 2, outSize: 2, weight: [1, 0, 0, -1], bias: [0, 0] }, { inSize: 2, outSize: 1, weight: [1, 1], bias: [0.5] }], task: 'regression', labels: ['v'] });
    expect(wearHead(mlp, [[2, 5]])).toEqual([2.5]); // ReLU(−5) = 0
  });
});

describe('heads kept in this browser', () => {
  it('keeps the newest first, replaces a head of the same name on the same body, and skips damaged entries', () => {
    const store = memoryStore();
    rememberHead(head(), store);
    rememberHead(head({ encoder: 'org/other' }), store);
    rememberHead(head({ labels: ['no', 'yes'] }), store);
    expect(trainedHeads(store).map((h) => [h.encoder, h.labels[0]])).toEqual([
      ['org/body', 'no'],
      ['org/other', 'yes'],
    ]);
    expect(headsFor('org/other', store)).toHaveLength(1);
    rememberHead(head({ encoder: 'Xenova/bert-base-uncased' }), store);
    expect(headsFor('google-bert/bert-base-uncased', store).map((h) => h.encoder)).toEqual(['Xenova/bert-base-uncased']);
    store.setItem('hat-wardrobe:trained-heads', '[{"name": 1}, "junk"]');
    expect(trainedHeads(store)).toEqual([]);
    store.setItem('hat-wardrobe:trained-heads', 'not json');
    expect(trainedHeads(store)).toEqual([]);
  });
});

describe('which body the mirror shows for a hat', () => {
  it('a BERT checkpoint as it is, an export through its verified PyTorch original, nothing for other families', () => {
    expect(mirrorBodyFor('hw-test/tiny-bert-pretraining', 'bert')).toBe('hw-test/tiny-bert-pretraining');
    expect(mirrorBodyFor('Xenova/bert-base-uncased', 'bert')).toBe('google-bert/bert-base-uncased');
    expect(mirrorBodyFor('Xenova/bert-base-NER-uncased', 'bert')).toBeNull();
    expect(mirrorBodyFor('Xenova/gpt2', 'gpt2')).toBeNull();
  });
});
