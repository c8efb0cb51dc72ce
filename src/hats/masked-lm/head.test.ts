import { describe, it } from 'vitest';
import { expectGraphMatchesReference } from '@/lib/onnx/testing';
import { maskedLmHead } from './head';

describe('the masked-LM head', () => {
  it('the graph matches the reference pass, fp32 and q8', async () => {
    await expectGraphMatchesReference('bert', maskedLmHead);
  });
});
