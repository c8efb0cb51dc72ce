// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelFacts } from '@/engine/protocol';
import { pythonModel } from '@/lib/pytorch-sources';
import { hats } from './registry';

/*
 * The "Reproduce it" code of every hat for every model it lists, as the panel renders it. Python
 * loads the repo pythonModel() names (kept equal to the recorded Hub facts by
 * scripts/fixtures/replicas/pytorch-sources.test.ts), or says plainly that there is none; the
 * JavaScript imports nothing from this app, so it runs where it is pasted. (e2e/replicas.spec.ts runs
 * the JavaScript against the replicas and compares its answer with the page's.)
 */

const facts: ModelFacts = { modelType: 'bert', architectures: [], hiddenSize: 32, numLayers: 1, maxLength: 64, maskToken: '[MASK]', hasTokenTypeIds: true };

afterEach(cleanup);

async function code(title: 'Python' | 'JavaScript'): Promise<string> {
  const button = await screen.findByRole('button', { name: `Copy ${title}` });
  return button.closest('figure')?.querySelector('code')?.textContent ?? '';
}

const listed = hats.flatMap((hat) => hat.models.map((m) => [hat.id, m.id] as const));

describe('the snippets of every listed model', () => {
  it.each(listed)('%s on %s', async (hatId, model) => {
    const hat = hats.find((h) => h.id === hatId)!;
    render(
      <Suspense>
        <hat.Explainer params={hat.params.defaults} modelId={model} dtype="q8" device="wasm" facts={facts} />
      </Suspense>,
    );
    const python = await code('Python');
    const expected = pythonModel(model).id;
    const named = /^model_id = "([^"]+)"$/m.exec(python)?.[1] ?? null;
    expect(named).toBe(expected);
    if (expected === null) {
      expect(python).toContain('PyTorch cannot load');
      expect(python).not.toMatch(/from_pretrained|SentenceTransformer\(/);
    }
    const js = await code('JavaScript');
    expect(js, 'imports nothing from this app').not.toMatch(/from '\.\.?\//);
    if (js.includes('from_pretrained') || js.includes('pipeline(')) {
      expect(js).toContain(`${JSON.stringify(model)}`);
      expect(js).toContain("dtype: \"q8\", device");
      expect(js).toContain("const device = typeof document === 'undefined' ? 'cpu' : 'wasm';");
    } else {
      expect(js).toContain('There is no standalone JavaScript equivalent');
    }
  });
});
