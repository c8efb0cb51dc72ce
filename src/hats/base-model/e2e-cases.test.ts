import { describe, expect, it } from 'vitest';
import { E2E_EMBED_MODEL, E2E_SIMILARITY } from './e2e-cases';
import { EMBED_ID, similarityCases } from './fixture';

describe('e2e cases', () => {
  it('are the fixture’s own known cases', () => {
    expect(E2E_EMBED_MODEL).toBe(EMBED_ID);
    expect(E2E_SIMILARITY).toEqual(similarityCases);
  });
});
