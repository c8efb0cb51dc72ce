import { describe, expect, it } from 'vitest';
import { expectGraphMatchesReference, testConfig } from '@/lib/onnx/testing';
import { questionAnsweringHead } from './head';

describe('the question-answering head', () => {
  it.each(['bert', 'distilbert'] as const)('%s: the graph matches the reference pass, fp32 and q8', async (family) => {
    await expectGraphMatchesReference(family, questionAnsweringHead);
  });

  it('names its outputs as transformers.js expects', () => {
    expect(questionAnsweringHead.outputs(testConfig('bert')).map((o) => o.name)).toEqual(['start_logits', 'end_logits']);
  });
});
