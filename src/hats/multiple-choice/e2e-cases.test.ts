import { describe, expect, it } from 'vitest';
import { E2E_MC_MODEL, E2E_MC_TIE, E2E_MC_WIN } from './e2e-cases';
import { multipleChoiceCases, SWAG_ID } from './fixture';

describe('the e2e cases', () => {
  it('are known cases of the fixture model', () => {
    expect(E2E_MC_MODEL).toBe(SWAG_ID);
    expect(multipleChoiceCases).toContainEqual({
      context: E2E_MC_WIN.context,
      choices: E2E_MC_WIN.choices,
      expected: { index: E2E_MC_WIN.winner, minProb: E2E_MC_WIN.minProb },
    });
    expect(multipleChoiceCases).toContainEqual({ ...E2E_MC_TIE, expected: null });
  });
});
