import { describe, it } from 'vitest';
import { expectGraphMatchesReference } from '@/lib/onnx/testing';
import { tokenClassificationHead } from './head';

describe('the token-classification head', () => {
  it.each([
    ['bert', 5],
    ['distilbert', 3],
  ] as const)('%s with %i labels: the graph matches the reference pass, fp32 and q8', async (family, labels) => {
    await expectGraphMatchesReference(family, tokenClassificationHead(labels));
  });
});
