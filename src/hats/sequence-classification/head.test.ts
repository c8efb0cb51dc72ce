import { describe, it } from 'vitest';
import { expectGraphMatchesReference } from '@/lib/onnx/testing';
import { sequenceClassificationHead } from './head';

describe('the sequence-classification head', () => {
  it.each([
    ['bert', 3],
    ['distilbert', 2],
  ] as const)('%s with %i labels: the graph matches the reference pass, fp32 and q8', async (family, labels) => {
    await expectGraphMatchesReference(family, sequenceClassificationHead(labels));
  });
});
