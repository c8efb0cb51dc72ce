import { useEffect, useState } from 'react';
import { useController } from '../app-context';
import { useCachedModels } from '../offline/hooks';
import { downloadKey, modelsToConfirm, type StepNeed } from './lesson-network';

/**
 * Which steps' models are wholly in this browser's cache (their download keys): the cache's list
 * says which models have files there, the worker says whether those are all the files they need.
 * A model the worker cannot confirm (no answer, an error) counts as not ready.
 */
export function useReadyOffline(needs: readonly StepNeed[], refreshKey: string): ReadonlySet<string> {
  const controller = useController();
  const { models } = useCachedModels(refreshKey);
  const [complete, setComplete] = useState<ReadonlySet<string>>(new Set());
  const specs = models ? modelsToConfirm(needs, models) : [];
  const asked = specs.map(downloadKey).join('\n');
  useEffect(() => {
    let live = true;
    void Promise.all(specs.map((spec) => controller.cached(spec).then((whole) => (whole ? [downloadKey(spec)] : []), () => []))).then((keys) => {
      if (live) setComplete(new Set(keys.flat()));
    });
    return () => {
      live = false;
    };
    // `asked` names the specs; a new list of cached models (refreshKey) asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked, models, controller]);
  return complete;
}
