import { encoderShapes, type EncoderConfig } from '@/lib/onnx';
import { driftModules, driftRow } from '@/lib/mirror/drift';
import type { DriftReport } from '@/lib/mirror/types';
import { toFloat32 } from '@/lib/safetensors';
import { EngineError } from '../../errors';
import { planTensors, type CheckpointDeps, type TensorPlan } from '../../checkpoint';
import { inspectBert } from '../../checkpoint/bert-checkpoint';
import type { SafetensorsFile } from '../../checkpoint/inspect';

/*
 * How far fine-tuning moved the body.
 * [1] Only the body's tensors are compared, and only by Range: the tuned checkpoint's own head (a
 *     SWAG classifier, say) is never fetched, nor its MLM head.
 * [2] One module at a time (a layer's query, its key, …): at most two copies of one module are in
 *     memory, not two 440 MB bodies; the base's ranges come from the cache the mirror's load filled.
 */

interface DriftJob {
  host: string;
  base: string;
  baseConfig: EncoderConfig;
  tuned: string;
  emit: (report: DriftReport) => void;
  signal: AbortSignal;
  deps: CheckpointDeps;
}

const same = (a: EncoderConfig, b: EncoderConfig) =>
  a.hiddenSize === b.hiddenSize && a.numLayers === b.numLayers && a.intermediateSize === b.intermediateSize && a.vocabSize === b.vocabSize && a.maxPositions === b.maxPositions;

async function readModule(file: SafetensorsFile, plan: TensorPlan): Promise<Float32Array[]> {
  const chunks = await file.reader.read(plan.spans);
  return plan.tensors.map((t) => toFloat32(t.entry.dtype, chunks.slice(t.span)));
}

export async function measureDrift(job: DriftJob): Promise<DriftReport> {
  const { deps } = job;
  const tuned = await inspectBert(job.host, job.tuned, deps);
  const base = await inspectBert(job.host, job.base, deps);
  if (!same(base.encoder, tuned.encoder)) {
    throw new EngineError('unsupported', `“${job.tuned}” is not the same body as “${job.base}” (another size or depth), so its weights cannot be compared one by one.`);
  }
  const modules = driftModules(job.baseConfig);
  const plan = (file: SafetensorsFile, config: EncoderConfig, names: string[], model: string) => {
    const shapes = encoderShapes(config).filter(([n]) => names.includes(n));
    const p = planTensors(file.header, shapes, { needs: `the drift of ${model}` });
    if (p.missing.length > 0) throw new EngineError('unsupported', `“${model}” has no ${p.missing[0]}, so the drift cannot be measured.`);
    return p;
  };
  // The tuned body may sit under another prefix: the same module by position in the list. [1]
  const tunedModules = driftModules(tuned.encoder);
  const plans = modules.map((m, i) => ({
    base: plan(base, job.baseConfig, m.tensors, job.base),
    tuned: plan(tuned, tuned.encoder, tunedModules[i]!.tensors, job.tuned),
  }));
  const totalBytes = plans.reduce((n, p) => n + p.base.bytes + p.tuned.bytes, 0);
  const report: DriftReport = { kind: 'drift', base: job.base, tuned: job.tuned, rows: [], done: false, bytesRead: 0, totalBytes };
  for (const [i, m] of modules.entries()) {
    if (job.signal.aborted) break;
    const p = plans[i]!;
    const [b, t] = await Promise.all([readModule(base, p.base), readModule(tuned, p.tuned)]); // [2]
    report.rows = [...report.rows, driftRow(m, b, t)];
    report.bytesRead += p.base.bytes + p.tuned.bytes;
    job.emit({ ...report });
  }
  return { ...report, done: !job.signal.aborted };
}
