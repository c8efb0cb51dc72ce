import { maskedLm, encoderShapes, tiedAliases, type EncoderConfig } from '@/lib/onnx';
import { PYTORCH_SOURCES } from '@/lib/pytorch-sources';
import { bodyPrefix, encoderConfigOf } from '../checkpoint/bert-checkpoint';
import type { CheckpointDeps } from '../checkpoint/deps';
import { checkpointBytes, oncePerModel, readCheckpointConfig, readSafetensors, SAFETENSORS_FILE, type SafetensorsFile } from '../checkpoint/inspect';
import { planTensors, type TensorPlan } from '../checkpoint/tensor-plan';
import { EngineError } from '../errors';

/*
 * Where a look inside gets its weights. transformers.js exports answer with their outputs only
 * (no attentions, no inner hidden states), so the Inside panel rebuilds the body from the original
 * PyTorch checkpoint: the model itself when it has model.safetensors, else the verified repo it
 * was exported from (src/lib/pytorch-sources.ts). A listed export without a verified parent has
 * no look inside, and the panel says so.
 */

/** The repo to read, or why there is none. */
export function insideSource(model: string): { repo: string } | { gap: string } {
  const listed = PYTORCH_SOURCES[model];
  if (!listed) return { repo: model };
  if (listed.repo) return { repo: listed.repo };
  return { gap: `${model} holds ONNX weights only, and the PyTorch checkpoint it was exported from is not verified, so its insides cannot be rebuilt here.` };
}

export interface InsideInspection extends SafetensorsFile {
  repo: string;
  encoder: EncoderConfig;
  /** The body's tensors, and the masked-LM head's where the checkpoint has them (optional). */
  plan: TensorPlan;
  /** The checkpoint has its masked-LM head, so the lens can read every layer. */
  hasLens: boolean;
}

/*
 * [1] The masked-LM head is optional: a fine-tuned checkpoint (sentiment, NER, QA) dropped it when
 *     its task head was trained, so attention and hidden states can be shown but not the lens.
 */
const inspect = oncePerModel(async (host, repo, deps): Promise<InsideInspection> => {
  const { config } = await readCheckpointConfig(host, repo, deps);
  const type = String(config.model_type ?? 'unknown');
  if (type !== 'bert' && type !== 'distilbert') {
    throw new EngineError('unsupported', `${repo} is a ${type} model, and the Inside panel can rebuild only BERT and DistilBERT bodies so far.`);
  }
  const file = await readSafetensors(host, repo, deps);
  const encoder = encoderConfigOf(config, repo, bodyPrefix(file.header, type), ['bert', 'distilbert']);
  const lensShapes = encoder.family === 'bert' ? maskedLm.shapes(encoder) : [];
  const plan = planTensors(file.header, [...encoderShapes(encoder), ...lensShapes], {
    aliases: tiedAliases(encoder),
    optional: lensShapes.map(([name]) => name), // [1]
    needs: 'the Inside panel',
  });
  if (plan.missing.length > 0) {
    throw new EngineError('unsupported', `${repo}'s ${SAFETENSORS_FILE} lacks ${plan.missing[0]}, which its body needs, so its insides cannot be rebuilt here.`);
  }
  const hasLens = lensShapes.length > 0 && plan.absent.length === 0;
  // Without the whole head, none of it is read.
  const kept = hasLens ? plan : planTensors(file.header, encoderShapes(encoder), { aliases: tiedAliases(encoder), needs: 'the Inside panel' });
  return { ...file, repo, encoder, plan: kept, hasLens };
});

export function inspectInside(host: string, repo: string, deps: CheckpointDeps): Promise<InsideInspection> {
  return inspect(host, repo, deps);
}

/** Bytes a look still has to fetch: none when every span is in the cache. */
export async function bytesToFetch(inspection: InsideInspection): Promise<{ bytes: number; cached: boolean }> {
  const cached = await inspection.reader.isCached([...inspection.headerSpans, ...inspection.plan.spans]);
  return { cached, bytes: cached ? 0 : checkpointBytes(inspection, inspection.plan) };
}
