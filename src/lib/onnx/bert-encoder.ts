import { embeddingNames, layerNames, type EncoderConfig } from './bert-names';
import { BATCH, SEQUENCE } from './bert-head';
import { addWeight, gelu, layerNorm, linear, type BuildContext } from './layers';

export interface EncoderInputs {
  inputIds: string;
  attentionMask: string;
  tokenTypeIds?: string;
}

/*
 * [1] BERT adds three lookups per token: which word, which position, which
 *     segment (sentence A or B); DistilBERT drops the segment. The position table
 *     has max_position_embeddings rows; Slice keeps the first sequence_length.
 */
function embeddings(ctx: BuildContext, config: EncoderConfig, inputs: EncoderInputs): string {
  const { g } = ctx;
  const h = config.hiddenSize;
  const names = embeddingNames(config);
  const word = g.node('Gather', [addWeight(ctx, names.word, [config.vocabSize, h]), inputs.inputIds]);
  const seqLen = g.node('Shape', [inputs.inputIds], { start: { i: 1 }, end: { i: 2 } });
  const positions = g.node('Slice', [
    addWeight(ctx, names.position, [config.maxPositions, h]),
    g.constant([0], 'int64', [1]),
    seqLen,
    g.constant([0], 'int64', [1]),
  ]);
  let sum = g.node('Add', [word, positions]);
  if (inputs.tokenTypeIds) {
    const table = addWeight(ctx, names.tokenType, [config.typeVocabSize, h]);
    sum = g.node('Add', [sum, g.node('Gather', [table, inputs.tokenTypeIds])]);
  }
  return layerNorm(ctx, sum, names.norm, h);
}

/*
 * [2] attention_mask is 1 for real tokens and 0 for padding. (1 − mask) · min_float
 *     is 0 where we may look and hugely negative where we may not; added to the
 *     scores before softmax it gives padding a weight of exactly 0. Shaped
 *     [batch, 1, 1, seq] so it broadcasts over heads and query positions.
 */
function additiveMask(ctx: BuildContext, attentionMask: string): string {
  const { g } = ctx;
  const mask = g.node('Cast', [attentionMask], { to: { i: 1 } });
  const blocked = g.node('Sub', [g.constant([1]), mask]);
  const additive = g.node('Mul', [blocked, g.constant([-3.4028234663852886e38])]);
  return g.node('Unsqueeze', [additive, g.constant([1, 2], 'int64', [2])]);
}

/*
 * [3] Multi-head self-attention. Each head h gets its own slice of Q, K, V:
 *     softmax(Q_h K_hᵀ / √d_head + mask) V_h, then the heads are concatenated
 *     and mixed by the output projection. Reshape/Transpose only move numbers
 *     between [batch, seq, hidden] and [batch, heads, seq, d_head].
 */
function selfAttention(ctx: BuildContext, config: EncoderConfig, x: string, mask: string, layer: number): { out: string; probs: string } {
  const { g } = ctx;
  const h = config.hiddenSize;
  const headDim = h / config.numHeads;
  const names = layerNames(config, layer);
  const split = g.constant([0, 0, config.numHeads, headDim], 'int64', [4]);
  const heads = (module: string, perm: number[]) =>
    g.node('Transpose', [g.node('Reshape', [linear(ctx, x, module, h, h), split])], { perm: { ints: perm } });

  const q = heads(names.query, [0, 2, 1, 3]); // [b, heads, seq, d]
  const kT = heads(names.key, [0, 2, 3, 1]); // [b, heads, d, seq]
  const v = heads(names.value, [0, 2, 1, 3]);
  const scores = g.node('Mul', [g.node('MatMul', [q, kT]), g.constant([1 / Math.sqrt(headDim)])]);
  const probs = g.node('Softmax', [g.node('Add', [scores, mask])], { axis: { i: -1 } });
  const context = g.node('Transpose', [g.node('MatMul', [probs, v])], { perm: { ints: [0, 2, 1, 3] } });
  const merged = g.node('Reshape', [context, g.constant([0, 0, h], 'int64', [3])]);
  return { out: linear(ctx, merged, names.attentionOut, h, h), probs };
}

/*
 * [4] Post-LN transformer layer (BERT, DistilBERT): each sub-block's output is
 *     added to its input and then normalised, x = LN(x + f(x)). The feed-forward
 *     block widens to intermediate_size, applies GELU, and narrows back.
 */
function encoderLayer(ctx: BuildContext, config: EncoderConfig, x: string, mask: string, layer: number): { hidden: string; probs: string } {
  const { g } = ctx;
  const h = config.hiddenSize;
  const names = layerNames(config, layer);
  const attention = selfAttention(ctx, config, x, mask, layer);
  const attended = layerNorm(ctx, g.node('Add', [x, attention.out]), names.attentionNorm, h);
  const wide = gelu(g, linear(ctx, attended, names.ffnIn, h, config.intermediateSize));
  const ffn = linear(ctx, wide, names.ffnOut, config.intermediateSize, h);
  return { hidden: layerNorm(ctx, g.node('Add', [attended, ffn]), names.outputNorm, h), probs: attention.probs };
}

export interface BuiltEncoder {
  /** The last hidden state [batch, seq, hidden]. */
  hidden: string;
  inputs: EncoderInputs;
  /** Every hidden state: the embeddings, then each layer's output (numLayers + 1 values). */
  hiddens: string[];
  /** Each layer's attention probabilities [batch, heads, seq, seq] (the Softmax outputs). */
  attentions: string[];
}

/** Declares the graph inputs and builds the encoder; returns the last hidden state and every one before it. */
export function buildEncoder(ctx: BuildContext, config: EncoderConfig): BuiltEncoder {
  const { g } = ctx;
  const dims = [BATCH, SEQUENCE];
  const inputs: EncoderInputs = {
    inputIds: g.input('input_ids', 'int64', dims),
    attentionMask: g.input('attention_mask', 'int64', dims),
  };
  if (config.typeVocabSize > 0) inputs.tokenTypeIds = g.input('token_type_ids', 'int64', dims);
  const mask = additiveMask(ctx, inputs.attentionMask);
  const hiddens = [embeddings(ctx, config, inputs)];
  const attentions: string[] = [];
  for (let layer = 0; layer < config.numLayers; layer++) {
    const out = encoderLayer(ctx, config, hiddens.at(-1)!, mask, layer);
    hiddens.push(out.hidden);
    attentions.push(out.probs);
  }
  return { hidden: hiddens.at(-1)!, inputs, hiddens, attentions };
}
