import { ModelRegistry } from '@huggingface/transformers';
import type { Dtype, FileSize } from '@/engine/protocol';
import type { ModelSource } from '../adapter';
import { setHost } from '../hub';
import { defaultDeps, type CheckpointDeps } from './deps';
import { checkpointBytes, inspectCheckpoint } from './inspect';
import { requirePlan, safetensorsLabel, type CheckpointHead } from './tensor-plan';

/** What transformers.js fetches next to the weights: the config and the tokenizer. */
export const JSON_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/*
 * [1] The graph is built in the page from float32 tensors, so the dtypes are ours to choose: fp32
 *     as the checkpoint has it, or q8 (weights quantized to 8 bits in the page, see quantizeModel).
 *     What is downloaded is the same either way.
 */
const DTYPES: Dtype[] = ['fp32', 'q8'];

/**
 * A checkpoint's model.safetensors as a model source: its dtypes, the files (and only the bytes of
 * them) a load reads, and whether all of that is cached. A checkpoint that lacks model.safetensors
 * or a tensor the head needs fails here already, with the reason, before anything big is fetched.
 */
export function checkpointSource(head: CheckpointHead, deps: CheckpointDeps = defaultDeps): ModelSource {
  const planFor = async (host: string, model: string) => {
    const inspection = await inspectCheckpoint(host, model, deps);
    return { inspection, plan: requirePlan(inspection.encoder, head, inspection.header, model) };
  };
  return {
    async availableDtypes({ model, host }) {
      await planFor(host, model);
      return DTYPES;
    },
    async files({ model, host }): Promise<FileSize[]> {
      const { inspection, plan } = await planFor(host, model);
      setHost(host);
      const json = await Promise.all(
        JSON_FILES.map(async (file) => {
          const meta = await ModelRegistry.get_file_metadata(model, file).catch(() => undefined);
          return { file, bytes: meta?.size ?? 0 };
        }),
      );
      return [...json, { file: safetensorsLabel(plan), bytes: checkpointBytes(inspection, plan) }];
    },
    async cached({ model, host }) {
      const { inspection, plan } = await planFor(host, model);
      if (!(await inspection.reader.isCached([...inspection.headerSpans, ...plan.spans]))) return false;
      const cache = await deps.cache().catch(() => undefined);
      if (!cache) return false;
      const base = host.replace(/\/+$/, '');
      const hits = await Promise.all(JSON_FILES.map((f) => cache.match(`${base}/${model}/resolve/main/${f}`)));
      return hits.every((r) => r !== undefined);
    },
  };
}
