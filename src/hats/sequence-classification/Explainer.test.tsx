// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelFacts } from '@/engine/protocol';
import Explainer from './Explainer';
import { seqClsCodec } from './params';

afterEach(cleanup);

const labels = { '0': 'entailment', '1': 'neutral', '2': 'contradiction' };
const base: ModelFacts = { modelType: 'bert', architectures: [], hiddenSize: 768, numLayers: 12, numHeads: 12, maxLength: 512, hasTokenTypeIds: true, id2label: labels };

function head(facts: ModelFacts): string {
  render(<Explainer params={seqClsCodec.defaults} modelId="org/model" facts={facts} />);
  return screen.getByTestId('explainer-head').closest('p')?.textContent ?? '';
}

describe('the sequence-classification head, from the config’s own fields', () => {
  it('BERT: pooler dense + tanh, then the classifier', () => {
    expect(head(base)).toContain('pooler: Linear(768 → 768) + tanh, then classifier: Linear(768 → 3)');
  });

  it('MobileBERT (classifier_activation false, true_hidden_size 128): no pooler layer, attention in the bottleneck', () => {
    const text = head({ ...base, modelType: 'mobilebert', hiddenSize: 512, numLayers: 24, numHeads: 4, attentionWidth: 128, poolerActivation: false });
    expect(screen.getByTestId('explainer-head').textContent).toBe('classifier: Linear(512 → 3)');
    expect(text).toContain('attention narrowed to 128');
    expect(text).toContain('classifier_activation: false');
    expect(text).not.toContain('tanh');
  });
});
