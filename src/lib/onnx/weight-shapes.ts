import { linearShapes, normShapes, type BertHead, type TensorShape } from './bert-head';
import { embeddingNames, layerNames, type EncoderConfig } from './bert-names';

/*
 * The tensors a checkpoint must hold for an encoder and head, with their
 * PyTorch shapes: what the graph builder reads, what a checkpoint loader
 * fetches, and what the fixtures write.
 */

/** The encoder's tensors: embeddings and every layer. */
export function encoderShapes(config: EncoderConfig): TensorShape[] {
  const { hiddenSize: h, intermediateSize: m } = config;
  const emb = embeddingNames(config);
  const shapes: TensorShape[] = [
    [emb.word, [config.vocabSize, h]],
    [emb.position, [config.maxPositions, h]],
  ];
  if (config.typeVocabSize > 0) shapes.push([emb.tokenType, [config.typeVocabSize, h]]);
  shapes.push(...normShapes(emb.norm, h));
  for (let i = 0; i < config.numLayers; i++) {
    const l = layerNames(config, i);
    shapes.push(...linearShapes(l.query, h, h), ...linearShapes(l.key, h, h), ...linearShapes(l.value, h, h));
    shapes.push(...linearShapes(l.attentionOut, h, h), ...normShapes(l.attentionNorm, h));
    shapes.push(...linearShapes(l.ffnIn, m, h), ...linearShapes(l.ffnOut, h, m), ...normShapes(l.outputNorm, h));
  }
  return shapes;
}

/** Every tensor the builder reads for this config and head, with its shape. */
export function weightShapes(config: EncoderConfig, head: BertHead): TensorShape[] {
  return [...encoderShapes(config), ...head.shapes(config)];
}

/**
 * A blank checkpoint: zeros everywhere except LayerNorm scales, which are 1.
 * With zero weights every sub-block adds nothing and LayerNorm leaves an
 * already-normalised vector as it is, so untouched layers pass their input
 * through: a starting point for hand-designed weights.
 */
export function blankWeights(config: EncoderConfig, head: BertHead): Record<string, Float32Array> {
  const weights: Record<string, Float32Array> = {};
  for (const [name, shape] of weightShapes(config, head)) {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (/(LayerNorm|layer_norm)\.weight$/.test(name)) data.fill(1);
    weights[name] = data;
  }
  return weights;
}
