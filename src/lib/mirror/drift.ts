import { embeddingNames, layerNames, type EncoderConfig } from '../onnx/bert-names';
import type { DriftRow } from './types';

/** One module of the body whose change the drift table shows: its tensors by builder name. */
export interface DriftModule {
  layer: number;
  kind: string;
  tensors: string[];
}

const pair = (module: string) => [`${module}.weight`, `${module}.bias`];

/** The body's modules, embeddings first (layer -1), then per layer, in the order of the forward pass. */
export function driftModules(config: EncoderConfig): DriftModule[] {
  const e = embeddingNames(config);
  const out: DriftModule[] = [
    { layer: -1, kind: 'word embeddings', tensors: [e.word] },
    { layer: -1, kind: 'position embeddings', tensors: [e.position] },
    ...(config.typeVocabSize > 0 ? [{ layer: -1, kind: 'segment embeddings', tensors: [e.tokenType] }] : []),
    { layer: -1, kind: 'embedding norm', tensors: pair(e.norm) },
  ];
  for (let i = 0; i < config.numLayers; i++) {
    const l = layerNames(config, i);
    out.push(
      { layer: i, kind: 'query', tensors: pair(l.query) },
      { layer: i, kind: 'key', tensors: pair(l.key) },
      { layer: i, kind: 'value', tensors: pair(l.value) },
      { layer: i, kind: 'attention output', tensors: pair(l.attentionOut) },
      { layer: i, kind: 'attention norm', tensors: pair(l.attentionNorm) },
      { layer: i, kind: 'feed-forward in', tensors: pair(l.ffnIn) },
      { layer: i, kind: 'feed-forward out', tensors: pair(l.ffnOut) },
      { layer: i, kind: 'output norm', tensors: pair(l.outputNorm) },
    );
  }
  return out;
}

/**
 * ‖W_tuned − W_base‖ / ‖W_base‖ over all the module's numbers (Frobenius norm, weight and bias
 * together), summed in float64. 0: fine-tuning left it exactly as it was.
 */
export function relativeChange(base: readonly Float32Array[], tuned: readonly Float32Array[]): number {
  let diff = 0;
  let size = 0;
  base.forEach((b, t) => {
    const u = tuned[t]!;
    if (u.length !== b.length) throw new Error(`drift: tensor ${t} has ${u.length} numbers in one checkpoint and ${b.length} in the other`);
    for (let i = 0; i < b.length; i++) {
      const d = u[i]! - b[i]!;
      diff += d * d;
      size += b[i]! * b[i]!;
    }
  });
  return size === 0 ? (diff === 0 ? 0 : Infinity) : Math.sqrt(diff / size);
}

export function driftRow(module: DriftModule, base: readonly Float32Array[], tuned: readonly Float32Array[]): DriftRow {
  return { layer: module.layer, kind: module.kind, relative: relativeChange(base, tuned), params: base.reduce((n, t) => n + t.length, 0) };
}

/** The plain sentence under the drift table: where fine-tuning moved the body most, and how much. */
export function driftSentence(rows: readonly DriftRow[], tuned: string): string {
  if (rows.length === 0) return '';
  const top = rows.reduce((a, b) => (b.relative > a.relative ? b : a));
  const moved = rows.filter((r) => r.relative > 1e-6);
  const where = (r: DriftRow) => `${r.kind}${r.layer >= 0 ? ` of layer ${r.layer + 1}` : ''}`;
  if (moved.length === 0) return `Fine-tuning into ${tuned} left every body weight exactly where it was: only the head learned.`;
  const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
  return (
    `Fine-tuning into ${tuned} moved ${moved.length} of ${rows.length} parts of the body; the most, the ${where(top)}, by ${pct(top.relative)} of its size. ` +
    `${moved.length < rows.length / 2 ? 'The rest stayed put: the body is almost the same body wearing a new hat.' : 'Small numbers mean the body kept what pretraining taught it and was only nudged toward the new task.'}`
  );
}
