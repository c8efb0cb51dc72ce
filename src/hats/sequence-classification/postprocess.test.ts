import { describe, expect, it } from 'vitest';
import { scoreLabels } from './postprocess';

describe('scoreLabels', () => {
  it('softmaxes logits into probabilities named by the config, best first', () => {
    const out = scoreLabels([0, Math.log(3)], { '0': 'NEGATIVE', '1': 'POSITIVE' });
    expect(out.activation).toBe('softmax');
    expect(out.labels.map((l) => l.label)).toEqual(['POSITIVE', 'NEGATIVE']);
    expect(out.labels[0]!.score).toBeCloseTo(0.75, 6);
    expect(out.labels[1]!.score).toBeCloseTo(0.25, 6);
  });

  it('uses one sigmoid per label for multi-label models and names unnamed labels', () => {
    const out = scoreLabels([0, 2], undefined, 'multi_label_classification');
    expect(out.activation).toBe('sigmoid');
    expect(out.labels[0]).toMatchObject({ label: 'LABEL_1' });
    expect(out.labels[0]!.score).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
    expect(out.labels[1]!.score).toBeCloseTo(0.5, 6);
  });

  it('stays finite for huge logits', () => {
    const out = scoreLabels([1000, 0], { '0': 'a', '1': 'b' });
    expect(out.labels[0]!.score).toBe(1);
    expect(Number.isFinite(out.labels[1]!.score)).toBe(true);
  });
});
