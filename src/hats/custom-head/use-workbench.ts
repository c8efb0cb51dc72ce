import { useCallback, useMemo, useState } from 'react';
import { loadWorkbench, saveWorkbench, type Workbench } from './data/storage';
import type { SampleSet } from './samples';
import type { Example, TrainSettings } from './types';

/** The examples and settings, kept in localStorage on every change (see data/storage.ts). */
export function useWorkbench() {
  const [wb, setWb] = useState<Workbench>(() => loadWorkbench());
  /** What a sample load or a clear replaced, so one click brings it back. */
  const [previous, setPrevious] = useState<Workbench | null>(null);
  // Saving is idempotent (the same state writes the same bytes), so it can run where the result is derived.
  const storageProblem = useMemo(() => saveWorkbench(wb), [wb]);

  const add = useCallback((examples: Example[], labelName?: string) => {
    setWb((w) => ({ ...w, examples: [...w.examples, ...examples], ...(labelName ? { labelName } : {}) }));
  }, []);
  const update = useCallback((index: number, example: Example) => {
    setWb((w) => ({ ...w, examples: w.examples.map((e, i) => (i === index ? example : e)) }));
  }, []);
  const remove = useCallback((index: number) => setWb((w) => ({ ...w, examples: w.examples.filter((_, i) => i !== index) })), []);
  const clear = useCallback(() => {
    setPrevious(wb.examples.length ? wb : null);
    setWb((w) => ({ ...w, examples: [], labelName: 'label' }));
  }, [wb]);
  const undo = useCallback(() => {
    if (previous) setWb(previous);
    setPrevious(null);
  }, [previous]);
  const setSettings = useCallback((settings: TrainSettings) => setWb((w) => ({ ...w, settings })), []);
  const loadSample = useCallback((set: SampleSet) => {
    setPrevious(wb.examples.length ? wb : null);
    setWb((w) => ({
      examples: set.examples.map((e) => ({ ...e })),
      labelName: set.labelName,
      settings: { ...w.settings, task: set.task, architecture: set.task === 'regression' ? 'linear' : w.settings.architecture },
    }));
  }, [wb]);
  return { wb, storageProblem, previous, add, update, remove, clear, undo, setSettings, loadSample };
}

export type WorkbenchApi = ReturnType<typeof useWorkbench>;
