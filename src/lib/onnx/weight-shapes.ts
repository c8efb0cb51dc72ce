import { embeddingNames, headNames, layerNames, type EncoderConfig, type HeadSpec } from './bert-names';

/*
 * The tensors a checkpoint must hold for an encoder and head, with their
 * PyTorch shapes: what the graph builder reads, what a checkpoint loader
 * fetches, and what the fixtures write.
 */

/** Every tensor the builder reads for this config and head, with its shape. */
export function weightShapes(config: EncoderConfig, head: HeadSpec): [string, number[]][] {
  const { hiddenSize: h, intermediateSize: m } = config;
  const linear = (name: string, out: number, inp: number): [string, number[]][] => [
    [`${name}.weight`, [out, inp]],
    [`${name}.bias`, [out]],
  ];
  const norm = (name: string): [string, number[]][] => [
    [`${name}.weight`, [h]],
    [`${name}.bias`, [h]],
  ];
  const emb = embeddingNames(config);
  const shapes: [string, number[]][] = [
    [emb.word, [config.vocabSize, h]],
    [emb.position, [config.maxPositions, h]],
  ];
  if (config.typeVocabSize > 0) shapes.push([emb.tokenType, [config.typeVocabSize, h]]);
  shapes.push(...norm(emb.norm));
  for (let i = 0; i < config.numLayers; i++) {
    const l = layerNames(config, i);
    shapes.push(...linear(l.query, h, h), ...linear(l.key, h, h), ...linear(l.value, h, h));
    shapes.push(...linear(l.attentionOut, h, h), ...norm(l.attentionNorm));
    shapes.push(...linear(l.ffnIn, m, h), ...linear(l.ffnOut, h, m), ...norm(l.outputNorm));
  }
  shapes.push(...headShapes(config, head));
  return shapes;
}

/** Tensors of the head alone (what a checkpoint must add to the encoder for this task). */
export function headShapes(config: EncoderConfig, head: HeadSpec): [string, number[]][] {
  const { hiddenSize: h, vocabSize: v } = config;
  const linear = (name: string, out: number, inp: number): [string, number[]][] => [
    [`${name}.weight`, [out, inp]],
    [`${name}.bias`, [out]],
  ];
  const names = headNames(config);
  const pooled = (): [string, number[]][] =>
    linear(config.family === 'bert' ? names.pooler : names.preClassifier, h, h);
  const mlm = (): [string, number[]][] => [
    ...linear(names.mlmTransform, h, h),
    [`${names.mlmNorm}.weight`, [h]],
    [`${names.mlmNorm}.bias`, [h]],
    [names.mlmBias, [v]],
  ];
  const bertOnly = () => {
    if (config.family !== 'bert') throw new Error(`${head.kind} needs BERT's pooler and NSP head; ${config.family} has none`);
  };
  switch (head.kind) {
    case 'base':
      return [];
    case 'masked-lm':
      return mlm();
    case 'sequence-classification':
      return [...pooled(), ...linear(names.classifier, head.numLabels, h)];
    case 'multiple-choice':
      return [...pooled(), ...linear(names.classifier, 1, h)];
    case 'token-classification':
      return linear(names.classifier, head.numLabels, h);
    case 'question-answering':
      return linear(names.qaOutputs, 2, h);
    case 'next-sentence-prediction':
      bertOnly();
      return [...pooled(), ...linear(names.nsp, 2, h)];
    case 'pretraining':
      bertOnly();
      return [...mlm(), ...pooled(), ...linear(names.nsp, 2, h)];
    default: {
      const never: never = head;
      throw new Error(`unknown head ${JSON.stringify(never)}`);
    }
  }
}

/**
 * A blank checkpoint: zeros everywhere except LayerNorm scales, which are 1.
 * With zero weights every sub-block adds nothing and LayerNorm leaves an
 * already-normalised vector as it is, so untouched layers pass their input
 * through: a starting point for hand-designed weights.
 */
export function blankWeights(config: EncoderConfig, head: HeadSpec): Record<string, Float32Array> {
  const weights: Record<string, Float32Array> = {};
  for (const [name, shape] of weightShapes(config, head)) {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (/(LayerNorm|layer_norm)\.weight$/.test(name)) data.fill(1);
    weights[name] = data;
  }
  return weights;
}
