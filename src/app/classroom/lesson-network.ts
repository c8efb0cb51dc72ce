import type { ModelSpec } from '@/engine/protocol';
import type { HatDefinition } from '@/hats/types';
import type { CachedModel } from '@/lib/model-cache';
import { cachedFrom } from '../offline/status';
import { demoHost } from '../demo-wardrobe';
import { modelSize } from './use-small-device';
import { openStep, type LessonStep } from './lesson';

/** What one lesson step needs from the network before class. */
export interface StepNeed {
  /** The model the step loads, as the worker is asked for it; none for a step that cannot open. */
  spec?: ModelSpec;
  /** Download size in bytes, from the hat's list of models; undefined when the list does not say. */
  bytes?: number;
  /** A model of the demo wardrobe: part of the app, nothing to download. */
  builtIn: boolean;
}

/** Each step's model and download; `host` is the model host in Settings (a demo step uses the app's own). */
export function stepNeeds(steps: readonly LessonStep[], hats: HatDefinition[], host: string): StepNeed[] {
  return steps.map((step) => {
    const opened = openStep(step, hats);
    if (!opened.ok) return { builtIn: false };
    const { model, dtype, device } = opened.choice;
    const spec: ModelSpec = { hat: opened.hatId, model, dtype, device, host: opened.demo ? demoHost() : host };
    if (opened.demo) return { spec, bytes: 0, builtIn: true };
    const curated = hats.find((h) => h.id === opened.hatId)?.models.find((m) => m.id === model);
    return { spec, bytes: curated ? modelSize(curated, dtype) : undefined, builtIn: false };
  });
}

/** The same model in two steps downloads once. */
export const downloadKey = (spec: ModelSpec) => `${spec.host}|${spec.model}|${spec.dtype}`;

/** The lesson's total download: each model once; models of unknown size are counted apart. */
export function lessonTotal(needs: readonly StepNeed[]): { bytes: number; unknown: number } {
  const seen = new Map<string, number | undefined>();
  for (const n of needs) if (n.spec && !n.builtIn && !seen.has(downloadKey(n.spec))) seen.set(downloadKey(n.spec), n.bytes);
  let bytes = 0;
  let unknown = 0;
  for (const b of seen.values()) {
    if (b === undefined) unknown++;
    else bytes += b;
  }
  return { bytes, unknown };
}

/**
 * The models worth asking the worker about: those with at least one file in the cache from their
 * host. A model with none is plainly not ready; one with some may be only partly there (looking a
 * model over caches its config and tokenizer; a download may have been cut short), and only the
 * worker knows every file a model needs. Each model once.
 */
export function modelsToConfirm(needs: readonly StepNeed[], models: readonly CachedModel[]): ModelSpec[] {
  const out = new Map<string, ModelSpec>();
  for (const { spec, builtIn } of needs) {
    if (!spec || builtIn || out.has(downloadKey(spec))) continue;
    if (cachedFrom(models, spec.host).some((m) => m.model === spec.model)) out.set(downloadKey(spec), spec);
  }
  return [...out.values()];
}

/** Ready offline: built in, or every file of its model is cached (`complete`: download keys the worker confirmed). */
export function stepReady(need: StepNeed, complete: ReadonlySet<string>): boolean {
  return need.builtIn || (need.spec !== undefined && complete.has(downloadKey(need.spec)));
}
