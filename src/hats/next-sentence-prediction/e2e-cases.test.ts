import { describe, expect, it } from 'vitest';
import { E2E_NSP } from './e2e-cases';
import { NO_NSP_HEAD_ID, NO_SAFETENSORS_ID, NSP_ID, nspCases } from './fixture';

describe('the e2e cases', () => {
  it('are known cases of the fixture model', () => {
    expect([E2E_NSP.model, E2E_NSP.noNspHead, E2E_NSP.noSafetensors]).toEqual([NSP_ID, NO_NSP_HEAD_ID, NO_SAFETENSORS_ID]);
    const { sentence_a, minProb } = E2E_NSP;
    expect(nspCases).toContainEqual({ sentence_a, sentence_b: E2E_NSP.isNext, expected: { label: 'IsNext', minProb } });
    expect(nspCases).toContainEqual({ sentence_a, sentence_b: E2E_NSP.notNext, expected: { label: 'NotNext', minProb } });
  });
});
