import type { ModelProto, TensorShape, WeightMap } from '@/lib/onnx';
import { serializeModel } from '@/lib/onnx';
import type { AdapterLoadContext } from '../adapter';
import type { CheckpointDeps, CheckpointSession } from '../checkpoint/deps';
import { oncePerModel, readCheckpointConfig, readSafetensors, SAFETENSORS_FILE, type SafetensorsFile } from '../checkpoint/inspect';
import { describeMissing, planTensors, readTensors, type TensorPlan } from '../checkpoint/tensor-plan';
import { EngineError } from '../errors';

/*
 * The checkpoint side of looking inside a generator (GPT-2, T5): its config.json and the header of
 * its model.safetensors tell what a look costs before anything big is fetched; a look reads every
 * tensor (Range requests through the checkpoint cache), builds the architecture's graph with its
 * inside outputs and opens one session for the worker's lifetime of the hat.
 */

/** What an architecture brings: its config from config.json, the tensors it needs, and its graph. */
export interface GeneratorArchitecture<C> {
  /** e.g. 'GPT-2': how messages name it. */
  label: string;
  /** The config.json model_type values it builds. */
  modelTypes: readonly string[];
  configOf(raw: Record<string, unknown>, repo: string): C;
  shapes(config: C): TensorShape[];
  /** Other names a checkpoint may store a tensor under (a prefix it lacks, a tied table). */
  aliases(config: C): Record<string, string[]>;
  build(config: C, weights: WeightMap, doc: string): ModelProto;
  layers(config: C): number;
  heads(config: C): number;
}

export interface GeneratorInspection<C> extends SafetensorsFile {
  repo: string;
  config: C;
  plan: TensorPlan;
}

const inspections = new WeakMap<GeneratorArchitecture<never>, ReturnType<typeof oncePerModel>>();

/** Config and safetensors header of `repo` for this architecture, read once per worker (failures are retried). */
export function inspectGenerator<C>(arch: GeneratorArchitecture<C>, host: string, repo: string, deps: CheckpointDeps): Promise<GeneratorInspection<C>> {
  let read = inspections.get(arch as GeneratorArchitecture<never>);
  if (!read) {
    read = oncePerModel(async (h, r, d): Promise<GeneratorInspection<C>> => {
      const { config: raw } = await readCheckpointConfig(h, r, d);
      const type = String(raw.model_type ?? 'unknown');
      if (!arch.modelTypes.includes(type)) {
        throw new EngineError('unsupported', `${r} is a ${type} model, and its insides can be rebuilt here only as ${arch.label}.`);
      }
      const config = arch.configOf(raw, r);
      const file = await readSafetensors(h, r, d);
      const plan = planTensors(file.header, arch.shapes(config), { aliases: arch.aliases(config), needs: `${arch.label} as its config.json describes it` });
      if (plan.missing.length > 0) {
        throw new EngineError('unsupported', `${r}'s ${SAFETENSORS_FILE} has no ${describeMissing(plan.missing)}, which ${arch.label} needs, so its insides cannot be rebuilt here.`);
      }
      return { ...file, repo: r, config, plan };
    });
    inspections.set(arch as GeneratorArchitecture<never>, read);
  }
  return read(host, repo, deps) as Promise<GeneratorInspection<C>>;
}

/**
 * Reads the tensors and opens a session on the inside graph. fp32 whatever the hat runs in [1].
 * [1] 8-bit weights would move the very numbers the panel shows.
 */
export async function openGenerator<C>(
  arch: GeneratorArchitecture<C>,
  inspection: GeneratorInspection<C>,
  ctx: AdapterLoadContext,
  deps: CheckpointDeps,
): Promise<CheckpointSession> {
  const weights = await readTensors(ctx, inspection, inspection.plan);
  const graph = arch.build(inspection.config, weights, `${inspection.repo}: ${arch.label} with its inside outputs, built in the page from ${SAFETENSORS_FILE}`);
  return deps.runtime.createSession(serializeModel(graph), ctx.device);
}
