import { embeddingNames, headNames, headShapes, weightShapes, type EncoderConfig, type HeadSpec } from '@/lib/onnx';
import { legacyName, type SafetensorsEntry, type SafetensorsHeader } from '@/lib/safetensors';
import { EngineError } from '../errors';
import { coalesce, type Span } from './range-reader';

export type CheckpointHead = 'multiple-choice' | 'next-sentence-prediction' | 'pretraining';

export const HEAD_LABELS: Record<CheckpointHead, string> = {
  'multiple-choice': 'multiple-choice',
  'next-sentence-prediction': 'next-sentence-prediction',
  pretraining: 'pre-training (masked LM + next sentence)',
};

export function headSpecOf(head: CheckpointHead): HeadSpec {
  return { kind: head };
}

/** One tensor the graph needs: its name for the builder, and where it sits in the file. */
export interface PlannedTensor {
  /** The name the graph builder asks for (PyTorch style: LayerNorm.weight/.bias). */
  name: string;
  /** The name in the checkpoint, which may differ (legacy gamma/beta, a tied decoder). */
  fileName: string;
  /** Part of the task head (pooler included, as the head's own training shaped it), not the encoder. */
  head: boolean;
  entry: SafetensorsEntry;
  /** Absolute byte span in model.safetensors. */
  span: Span;
}

export interface TensorPlan {
  head: HeadSpec;
  tensors: PlannedTensor[];
  /** Tensors the head needs that the checkpoint lacks (builder names). */
  missing: string[];
  /** Distinct byte spans to read (a tensor used under two names is read once). */
  spans: Span[];
  /** Requests a cold load makes for the weights: adjacent tensors are one request. */
  requests: Span[];
  bytes: number;
}

/*
 * [1] Tied weights: BERT's masked-LM decoder is the word-embedding table, so a checkpoint stores it
 *     once, under either name; its output bias likewise may sit under cls.predictions.decoder.bias.
 */
function aliases(config: EncoderConfig): Record<string, string[]> {
  const word = embeddingNames(config).word;
  return {
    [word]: ['cls.predictions.decoder.weight'],
    [`${headNames(config).mlmBias}`]: ['cls.predictions.decoder.bias'],
  };
}

const FLOAT_DTYPES = new Set(['F32', 'F16', 'BF16']);

/** Which tensors of the checkpoint the head's graph needs, and which of them are missing. */
export function planTensors(config: EncoderConfig, head: CheckpointHead, header: SafetensorsHeader): TensorPlan {
  const spec = headSpecOf(head);
  // [2] Old TensorFlow-converted checkpoints call LayerNorm's scale and shift gamma and beta.
  const byName = new Map<string, string>();
  for (const fileName of header.tensors.keys()) {
    const name = legacyName(fileName);
    if (!byName.has(name) || name === fileName) byName.set(name, fileName);
  }
  const alias = aliases(config);
  const ofHead = new Set(headShapes(config, spec).map(([name]) => name));
  const tensors: PlannedTensor[] = [];
  const missing: string[] = [];
  for (const [name, shape] of weightShapes(config, spec)) {
    const fileName = [name, ...(alias[name] ?? [])].map((n) => byName.get(n)).find((n) => n !== undefined);
    const entry = fileName === undefined ? undefined : header.tensors.get(fileName);
    if (fileName === undefined || !entry) {
      missing.push(name);
      continue;
    }
    if (entry.shape.join('x') !== shape.join('x')) {
      throw new EngineError(
        'unsupported',
        `The checkpoint's ${fileName} is [${entry.shape.join(', ')}], but a ${HEAD_LABELS[head]} head on this config needs [${shape.join(', ')}].`,
      );
    }
    if (!FLOAT_DTYPES.has(entry.dtype)) {
      throw new EngineError('unsupported', `The checkpoint stores ${fileName} as ${entry.dtype}; only F32, F16 and BF16 weights can be read.`);
    }
    const span = { start: header.dataStart + entry.begin, end: header.dataStart + entry.end };
    tensors.push({ name, fileName, head: ofHead.has(name), entry, span });
  }
  const distinct = new Map(tensors.map((t) => [t.fileName, t.span]));
  const spans = [...distinct.values()].sort((a, b) => a.start - b.start);
  return {
    head: spec,
    tensors,
    missing,
    spans,
    requests: coalesce(spans),
    bytes: spans.reduce((n, s) => n + s.end - s.start, 0),
  };
}

/** The plan, or an error that names what the checkpoint lacks. */
export function requirePlan(config: EncoderConfig, head: CheckpointHead, header: SafetensorsHeader, model: string): TensorPlan {
  const plan = planTensors(config, head, header);
  if (plan.missing.length > 0) {
    const [first, ...rest] = plan.missing;
    const more = rest.length > 0 ? ` (and ${rest.length} more: ${rest.slice(0, 3).join(', ')}${rest.length > 3 ? ', …' : ''})` : '';
    throw new EngineError(
      'unsupported',
      `“${model}” has no tensor ${first}${more} in its model.safetensors, which the ${HEAD_LABELS[head]} head needs. The checkpoint was probably not trained with this head; pick one that was.`,
      `missing: ${plan.missing.join(', ')}`,
    );
  }
  return plan;
}

/** How the file shows in the download list: the tensors read, not the whole file. */
export function safetensorsLabel(plan: TensorPlan): string {
  return `model.safetensors (${plan.spans.length} tensors)`;
}
