import { useState } from 'react';
import type { Progress } from '@/engine/client';
import { useController } from '../app-context';
import { toWorkerError } from '../controller';
import { downloadKey, type StepNeed } from './lesson-network';

export type Preparing =
  | { state: 'idle' }
  | { state: 'running'; step: number; model: string; progress?: Progress }
  | { state: 'done'; fetched: number }
  | { state: 'error'; step: number; message: string };

/** "Get this lesson ready": fetches every step's model into the browser's cache, one after another. */
export function useLessonReady(needs: readonly StepNeed[], onStored: () => void) {
  const controller = useController();
  const [preparing, setPreparing] = useState<Preparing>({ state: 'idle' });
  const start = async () => {
    const done = new Set<string>();
    let fetched = 0;
    for (const [i, need] of needs.entries()) {
      if (!need.spec || need.builtIn || done.has(downloadKey(need.spec))) continue;
      done.add(downloadKey(need.spec));
      const model = need.spec.model;
      setPreparing({ state: 'running', step: i, model });
      try {
        const r = await controller.prefetch(need.spec, (progress) => setPreparing({ state: 'running', step: i, model, progress }));
        if (!r.cached) fetched++;
      } catch (error) {
        setPreparing({ state: 'error', step: i, message: toWorkerError(error).message });
        onStored();
        return;
      }
      onStored();
    }
    setPreparing({ state: 'done', fetched });
  };
  return { preparing, start: () => void start() };
}
