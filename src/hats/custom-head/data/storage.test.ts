import { describe, expect, it } from 'vitest';
import { parseTable } from './csv';
import { examplesToCsv, loadWorkbench, saveWorkbench, STORAGE_KEY } from './storage';

function memory() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('workbench storage', () => {
  it('keeps examples and settings across a reload', () => {
    const store = memory();
    const examples = [{ text: 'Nap, then "nap"', label: 'sleepy' }];
    expect(saveWorkbench({ examples, labelName: 'mood', settings: { task: 'regression', architecture: 'linear', learningRate: 0.01, epochs: 50, hiddenSize: 8, heldOut: 0.2, seed: 3 } }, store)).toBeNull();
    const back = loadWorkbench(store);
    expect(back.examples).toEqual(examples);
    expect(back.settings.task).toBe('regression');
    expect(back.settings.epochs).toBe(50);
  });

  it('reads damaged storage as empty, and clamps odd settings', () => {
    const store = memory();
    store.setItem(STORAGE_KEY, '{oops');
    expect(loadWorkbench(store).examples).toEqual([]);
    store.setItem(STORAGE_KEY, JSON.stringify({ examples: [{ text: 1 }, { text: 'a', label: 'b' }], settings: { epochs: 1e9, learningRate: -1 } }));
    const w = loadWorkbench(store);
    expect(w.examples).toEqual([{ text: 'a', label: 'b' }]);
    expect(w.settings.epochs).toBe(2000);
    expect(w.settings.learningRate).toBe(1e-6);
  });

  it('says so when the browser refuses to store', () => {
    const full = { setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveWorkbench({ examples: [], labelName: 'x', settings: loadWorkbench(memory()).settings }, full)).toMatch(/would not store/);
  });

  it('exports examples as CSV that reads back the same', () => {
    const examples = [{ text: 'a, "quoted"\nline', label: 'x' }, { text: 'plain', label: 'y' }];
    expect(parseTable(examplesToCsv(examples, 'mood')).examples).toEqual(examples);
  });
});
