// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { expectGraphMatchesReference, testConfig } from '../onnx/testing';
import { mirrorHead } from './mirror-head';

describe('the mirror graph: one pass, every head of the checkpoint', () => {
  it.each([
    { maskedLm: true, nextSentence: true },
    { maskedLm: true, nextSentence: false },
    { maskedLm: false, nextSentence: false },
  ])('matches the reference pass, fp32 and q8 (%o)', async (parts) => {
    await expectGraphMatchesReference('bert', mirrorHead(parts));
  });

  it('answers the hidden states first, then what each head it has says', () => {
    const c = testConfig('bert');
    expect(mirrorHead({ maskedLm: true, nextSentence: true }).outputs(c).map((o) => o.name)).toEqual(['last_hidden_state', 'prediction_logits', 'pooler_output', 'seq_relationship_logits']);
    expect(mirrorHead({ maskedLm: false, nextSentence: false }).shapes(c)).toEqual([]);
  });
});
