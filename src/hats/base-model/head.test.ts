import { describe, expect, it } from 'vitest';
import { expectGraphMatchesReference, testConfig } from '@/lib/onnx/testing';
import { baseHead } from './head';

describe('the bare encoder', () => {
  it.each(['bert', 'distilbert'] as const)('%s: the graph matches the reference pass, fp32 and q8', async (family) => {
    await expectGraphMatchesReference(family, baseHead);
  });

  it('answers with last_hidden_state, one vector per token', () => {
    expect(baseHead.outputs(testConfig('bert'))).toEqual([{ name: 'last_hidden_state', dims: ['batch_size', 'sequence_length', 16] }]);
  });
});
