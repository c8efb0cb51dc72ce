import { describe, expect, it } from 'vitest';
import { greedyGenerate, topCandidates, type LoopDeps, type Seq2SeqOutput } from './generation';

const VOCAB = ['<pad>', '</s>', 'a', 'b', 'c'];

const initial: Seq2SeqOutput = {
  encoder: { tokens: [], ms: 0, fullLength: 2, maxLength: 8 },
  decoderStartId: 0,
  decoderStartToken: '<pad>',
  steps: [],
  text: '',
  finish: null,
  maxNewTokens: 0,
  generateMs: 0,
  notes: [],
  architecture: { modelType: 'fake', usesCache: false },
};

/** A fake decoder that writes `script` (ids) and then </s>, recording what it was fed. */
function fake(script: number[], overrides: Partial<LoopDeps> = {}) {
  const fed: number[][] = [];
  const emitted: Seq2SeqOutput[] = [];
  let encoded = 0;
  let clock = 0;
  const deps: LoopDeps = {
    encode: async () => {
      encoded++;
      clock += 5;
    },
    step: async (ids) => {
      fed.push([...ids]);
      clock += 1;
      const next = script[ids.length - 1] ?? 1;
      return VOCAB.map((_, id) => (id === next ? 3 : id === 1 ? 1 : 0));
    },
    decode: (ids) => ids.filter((id) => id > 1).map((id) => VOCAB[id]).join(' '),
    tokenOf: (id) => VOCAB[id] ?? '?',
    signal: new AbortController().signal,
    emit: (o) => emitted.push(o),
    now: () => clock,
    yieldToEvents: async () => undefined,
    ...overrides,
  };
  return { deps, fed, emitted, encodedCount: () => encoded };
}

const setup = (maxNewTokens: number) => ({ startId: 0, eosIds: [1], maxNewTokens, topK: 3, initial });

describe('greedyGenerate', () => {
  it('encodes once, starts from the start token, feeds each choice back, stops at </s>', async () => {
    const f = fake([2, 3, 4]);
    const out = await greedyGenerate(setup(10), f.deps);
    expect(f.encodedCount()).toBe(1);
    expect(f.fed).toEqual([[0], [0, 2], [0, 2, 3], [0, 2, 3, 4]]);
    expect(out.steps.map((s) => s.token)).toEqual(['a', 'b', 'c', '</s>']);
    expect(out.text).toBe('a b c');
    expect(out.finish).toBe('eos');
    expect(out.encoder.ms).toBe(5);
    expect(out.generateMs).toBe(9);
  });

  it('streams one partial after the encoder and one per step, each with the text so far', async () => {
    const f = fake([2, 3]);
    await greedyGenerate(setup(10), f.deps);
    expect(f.emitted.map((o) => [o.steps.length, o.text, o.finish])).toEqual([
      [0, '', null],
      [1, 'a', null],
      [2, 'a b', null],
    ]);
  });

  it('stops at max_new_tokens', async () => {
    const f = fake([2, 2, 2, 2, 2, 2]);
    const out = await greedyGenerate(setup(3), f.deps);
    expect(out.steps).toHaveLength(3);
    expect(out.finish).toBe('length');
    expect(out.text).toBe('a a a');
  });

  it('a stop keeps the partial text and writes no further token', async () => {
    const controller = new AbortController();
    const f = fake([2, 3, 4, 2, 3], {
      signal: controller.signal,
      emit: (o) => {
        if (o.steps.length === 2) controller.abort();
      },
    });
    const out = await greedyGenerate(setup(10), f.deps);
    expect(out.finish).toBe('stopped');
    expect(out.text).toBe('a b');
    expect(f.fed).toHaveLength(2);
  });

  it('each step carries its top candidates with probabilities that sum to at most 1', async () => {
    const out = await greedyGenerate(setup(10), fake([4]).deps);
    const first = out.steps[0]!;
    expect(first.top.map((c) => c.token)).toEqual(['c', '</s>', '<pad>']);
    expect(first.prob).toBeCloseTo(Math.exp(3) / (Math.exp(3) + Math.exp(1) + 3), 6);
    expect(first.top.reduce((s, c) => s + c.prob, 0)).toBeLessThanOrEqual(1);
  });
});

describe('topCandidates', () => {
  it('keeps the k largest, ties by lower id, as softmax probabilities', () => {
    const top = topCandidates([0, 2, 2, -1, 5], 3, String);
    expect(top.map((c) => c.id)).toEqual([4, 1, 2]);
    const z = [0, 2, 2, -1, 5].reduce((s, v) => s + Math.exp(v), 0);
    expect(top[0]!.prob).toBeCloseTo(Math.exp(5) / z, 9);
  });
});
