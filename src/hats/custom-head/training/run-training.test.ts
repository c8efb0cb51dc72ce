import { describe, expect, it } from 'vitest';
import { decodeHeadLink } from '../head-codec';
import { DEFAULT_SETTINGS, type Example, type TrainReport } from '../types';
import { PATIENCE } from './early-stop';
import { runTraining, TrainInputError, type TrainingDeps } from './run-training';

/** A stand-in encoder: the vector says which keyword the text contains. */
const KEYWORDS = ['nap', 'fish', 'ball'];
function fakeEmbed(text: string): Float32Array {
  return Float32Array.from(KEYWORDS.flatMap((k) => [text.includes(k) ? 1 : 0, 0.1]));
}

const examples: Example[] = KEYWORDS.flatMap((k, j) => Array.from({ length: 8 }, (_, i) => ({ text: `${k} ${i}`, label: ['sleepy', 'hungry', 'playful'][j]! })));

function deps(overrides: Partial<TrainingDeps> = {}) {
  const emitted: TrainReport[] = [];
  const embedded: string[] = [];
  let clock = 0;
  const d: TrainingDeps = {
    encoder: { model: 'test/enc', pooling: 'mean', normalize: true, hiddenSize: 6 },
    embed: (texts) => {
      embedded.push(...texts);
      return Promise.resolve(texts.map(fakeEmbed));
    },
    cache: new Map(),
    emit: (r) => emitted.push(r),
    aborted: () => false,
    stopped: () => false,
    now: () => (clock += 7),
    pause: () => Promise.resolve(),
    ...overrides,
  };
  return { d, emitted, embedded };
}

describe('runTraining', () => {
  it('embeds once, trains, and answers with a head, its evaluation and timings', async () => {
    const { d, emitted, embedded } = deps();
    const report = await runTraining({ kind: 'train', examples, settings: { ...DEFAULT_SETTINGS, epochs: 60 } }, d);
    expect(report.phase).toBe('done');
    expect(report.history).toHaveLength(60);
    expect(report.evaluation?.task === 'classification' && report.evaluation.accuracy).toBe(1);
    expect(decodeHeadLink(report.head!).labels).toEqual(['hungry', 'playful', 'sleepy']);
    expect(report.embedMsPerExample).toBeGreaterThan(0);
    expect(report.trainMsPerEpoch).toBeGreaterThan(0);
    expect(embedded).toHaveLength(24);
    expect(emitted[0]!.phase).toBe('embedding');
    // The head of every epoch comes once, with the final answer; the best epoch's is the head returned.
    expect(report.snapshots?.map((s) => s.epoch)).toEqual(report.history.map((p) => p.epoch));
    expect(report.snapshots?.find((s) => s.epoch === report.bestEpoch)?.head).toBe(report.head);
    expect(report.snapshots?.[0]?.head).not.toBe(report.head);
    expect(emitted.every((r) => r.snapshots === undefined)).toBe(true);

    const again = deps({ cache: d.cache });
    const second = await runTraining({ kind: 'train', examples, settings: { ...DEFAULT_SETTINGS, epochs: 5, seed: 1 } }, again.d);
    expect(again.embedded).toEqual([]);
    expect(second.reused).toBe(24);
  });

  it('stops by itself once the held-out loss stops improving, and returns the best epoch\'s head', async () => {
    // Labels that the vectors cannot explain: whatever the head learns about the training examples
    // makes it worse on the held-out ones.
    const noisy: Example[] = Array.from({ length: 40 }, (_, i) => ({ text: `${KEYWORDS[i % 3]} ${i}`, label: ['sleepy', 'hungry'][(i * 7) % 5 < 2 ? 0 : 1]! }));
    const { d } = deps({ embed: (texts) => Promise.resolve(texts.map((t) => Float32Array.from({ length: 6 }, (_, k) => Math.sin(Number(t.split(' ')[1]) * 12.9898 * (k + 1))))) });
    const report = await runTraining({ kind: 'train', examples: noisy, settings: { ...DEFAULT_SETTINGS, epochs: 500, learningRate: 0.1 } }, d);
    expect(report.phase).toBe('done');
    expect(report.overfit).toEqual({ from: report.bestEpoch, patience: PATIENCE });
    expect(report.history).toHaveLength(report.bestEpoch! + PATIENCE);
    const lowest = Math.min(...report.history.map((p) => p.heldOut!));
    expect(report.history[report.bestEpoch! - 1]!.heldOut).toBe(lowest);
  });

  it('returns the head trained so far when stopped', async () => {
    let epochs = 0;
    const { d } = deps({ emit: (r) => (epochs = r.history.length), aborted: () => epochs >= 10, stopped: () => epochs >= 10 });
    const report = await runTraining({ kind: 'train', examples, settings: { ...DEFAULT_SETTINGS, epochs: 500 } }, d);
    expect(report.phase).toBe('stopped');
    expect(report.history.length).toBeLessThan(500);
    expect(report.head).toBeDefined();
  });

  it('refuses a set it cannot learn from, and reports a NaN loss', async () => {
    await expect(runTraining({ kind: 'train', examples: examples.slice(0, 8), settings: DEFAULT_SETTINGS }, deps().d)).rejects.toThrow(TrainInputError);
    const { d } = deps({ embed: (texts) => Promise.resolve(texts.map(() => Float32Array.from([NaN, 0, 0, 0, 0, 0]))) });
    const report = await runTraining({ kind: 'train', examples, settings: DEFAULT_SETTINGS }, d);
    expect(report.phase).toBe('failed');
    expect(report.error).toMatch(/stopped being a number at|stopped being a number \(NaN\) at epoch 1/);
    expect(report.head).toBeUndefined();
  });
});
