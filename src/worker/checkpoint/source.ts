import { ModelRegistry } from '@huggingface/transformers';
import type { Dtype, FileSize } from '@/engine/protocol';
import type { ModelSource } from '../adapter';
import { setHost } from '../hub';
import { inspectBert, requireHeadPlan, type CheckpointHead } from './bert-checkpoint';
import { defaultDeps, type CheckpointDeps } from './deps';
import { checkpointBytes } from './inspect';
import { safetensorsLabel } from './tensor-plan';

/** What transformers.js fetches next to the weights of a BERT checkpoint: the config and the tokenizer. */
export const JSON_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/*
 * [1] The graph is built in the page from float32 tensors, so the dtypes are ours to choose: fp32
 *     as the checkpoint has it, or q8 (weights quantized to 8 bits in the page, see quantizeModel).
 *     What is downloaded is the same either way.
 */
export const CHECKPOINT_DTYPES: Dtype[] = ['fp32', 'q8'];

/** The sizes of small files next to the checkpoint, as the host reports them (0 when it does not). */
export async function fileSizes(host: string, model: string, files: readonly string[]): Promise<FileSize[]> {
  setHost(host);
  return Promise.all(
    files.map(async (file) => {
      const meta = await ModelRegistry.get_file_metadata(model, file).catch(() => undefined);
      return { file, bytes: meta?.size ?? 0 };
    }),
  );
}

/** Whether every one of these files of the model is in the cache. */
export async function filesCached(host: string, model: string, files: readonly string[], deps: CheckpointDeps): Promise<boolean> {
  const cache = await deps.cache().catch(() => undefined);
  if (!cache) return false;
  const base = host.replace(/\/+$/, '');
  const hits = await Promise.all(files.map((f) => cache.match(`${base}/${model}/resolve/main/${f}`)));
  return hits.every((r) => r !== undefined);
}

/**
 * A BERT checkpoint's model.safetensors as a model source for a hat's head: its dtypes, the files
 * (and only the bytes of them) a load reads, and whether all of that is cached. A checkpoint that
 * lacks model.safetensors or a tensor the head needs fails here already, with the reason, before
 * anything big is fetched.
 */
export function checkpointSource(head: CheckpointHead, deps: CheckpointDeps = defaultDeps): ModelSource {
  const planFor = async (host: string, model: string) => {
    const inspection = await inspectBert(host, model, deps);
    return { inspection, plan: requireHeadPlan(inspection.encoder, head, inspection.header, model) };
  };
  return {
    async availableDtypes({ model, host }) {
      await planFor(host, model);
      return CHECKPOINT_DTYPES;
    },
    async files({ model, host }): Promise<FileSize[]> {
      const { inspection, plan } = await planFor(host, model);
      return [...(await fileSizes(host, model, JSON_FILES)), { file: safetensorsLabel(plan), bytes: checkpointBytes(inspection, plan) }];
    },
    async cached({ model, host }) {
      const { inspection, plan } = await planFor(host, model);
      if (!(await inspection.reader.isCached([...inspection.headerSpans, ...plan.spans]))) return false;
      return filesCached(host, model, JSON_FILES, deps);
    },
  };
}
