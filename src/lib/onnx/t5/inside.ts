import { GraphBuilder } from '../graph-builder';
import { attentionOutput, exposeOutput, hiddenOutput } from '../inside-outputs';
import type { ModelProto } from '../onnx-types';
import { addT5Weight, attentionWithWeights, feedForward, linearNoBias, paddingMask, projectKeyValues, rmsNorm, type T5BuildContext } from './layers';
import type { T5ModelSpec } from './model';
import { decoderBlockNames, encoderBlockNames, RELATIVE_BIAS } from './names';
import { aheadMask, relativeBias, relativePositions } from './relative-bias';

/*
 * T5ForConditionalGeneration as one graph, for looking inside: the source and the decoder's
 * tokens so far go in at once (no cache), and out come the logits with every layer's encoder
 * self-attention, decoder self-attention and cross-attention weights, and both stacks' hidden
 * states (inside-outputs.ts):
 *   input_ids, attention_mask [batch, source], decoder_input_ids [batch, target]
 *   → logits [batch, target, vocab], encoder_attentions.i [batch, heads, source, source],
 *     decoder_attentions.i [batch, heads, target, target], cross_attentions.i [batch, heads, target, source],
 *     encoder_hidden_states.i [batch, source, d_model], decoder_hidden_states.i [batch, target, d_model].
 * Unlike the export graphs (model.ts) it adds the learned relative position bias [1].
 */

export const T5_INSIDE_INPUTS = { ids: 'input_ids', mask: 'attention_mask', decoderIds: 'decoder_input_ids' } as const;

const dimOf = (g: GraphBuilder, x: string, axis: number) => g.node('Gather', [g.node('Shape', [x]), g.constant([axis], 'int64')]);

export function buildT5Inside({ config, weights, doc }: T5ModelSpec): ModelProto {
  const g = new GraphBuilder('t5_inside');
  const ctx: T5BuildContext = { g, weights, config };
  const { numHeads: heads, dModel } = config;
  const ids = g.input(T5_INSIDE_INPUTS.ids, 'int64', ['batch_size', 'source_length']);
  const mask = paddingMask(g, g.input(T5_INSIDE_INPUTS.mask, 'int64', ['batch_size', 'source_length']));
  const target = g.input(T5_INSIDE_INPUTS.decoderIds, 'int64', ['batch_size', 'target_length']);
  const shared = addT5Weight(ctx, 'shared.weight', [config.vocabSize, dModel]);

  // [1] Encoder: pre-norm blocks, every token reads every (unpadded) token, with the bidirectional bias.
  let x = g.node('Gather', [shared, ids]);
  const encoderBias = relativeBias(ctx, relativePositions(g, dimOf(g, ids, 1)), RELATIVE_BIAS.encoder, true);
  const hidden = (stack: 'encoder' | 'decoder', i: number, value: string, length: string) => exposeOutput(g, value, hiddenOutput(i, stack), ['batch_size', length, dModel]);
  hidden('encoder', 0, x, 'source_length');
  for (let i = 0; i < config.numLayers; i++) {
    const n = encoderBlockNames(i);
    const normed = rmsNorm(ctx, x, n.selfNorm);
    const a = attentionWithWeights(ctx, normed, n.selfAttention, projectKeyValues(ctx, normed, n.selfAttention), mask, encoderBias);
    exposeOutput(g, a.probs, attentionOutput(i + 1, 'encoder'), ['batch_size', heads, 'source_length', 'source_length']);
    x = g.node('Add', [x, a.out]);
    x = g.node('Add', [x, feedForward(ctx, rmsNorm(ctx, x, n.ffnNorm), n.ffn)]);
    hidden('encoder', i + 1, x, 'source_length');
  }
  const encoded = rmsNorm(ctx, x, 'encoder.final_layer_norm.weight');

  // [2] Decoder: causal self-attention with the one-directional bias, then cross-attention to the source.
  let y = g.node('Gather', [shared, target]);
  const relative = relativePositions(g, dimOf(g, target, 1));
  const selfBias = g.node('Add', [relativeBias(ctx, relative, RELATIVE_BIAS.decoder, false), aheadMask(g, relative)]);
  hidden('decoder', 0, y, 'target_length');
  for (let i = 0; i < config.numDecoderLayers; i++) {
    const n = decoderBlockNames(i);
    const normed = rmsNorm(ctx, y, n.selfNorm);
    const s = attentionWithWeights(ctx, normed, n.selfAttention, projectKeyValues(ctx, normed, n.selfAttention), undefined, selfBias);
    exposeOutput(g, s.probs, attentionOutput(i + 1, 'decoder'), ['batch_size', heads, 'target_length', 'target_length']);
    y = g.node('Add', [y, s.out]);
    const c = attentionWithWeights(ctx, rmsNorm(ctx, y, n.crossNorm), n.crossAttention, projectKeyValues(ctx, encoded, n.crossAttention), mask);
    exposeOutput(g, c.probs, attentionOutput(i + 1, 'cross'), ['batch_size', heads, 'target_length', 'source_length']);
    y = g.node('Add', [y, c.out]);
    y = g.node('Add', [y, feedForward(ctx, rmsNorm(ctx, y, n.ffnNorm), n.ffn)]);
    hidden('decoder', i + 1, y, 'target_length');
  }
  let final = rmsNorm(ctx, y, 'decoder.final_layer_norm.weight');
  // [3] With tied embeddings the head is the embedding table, read at the scale d_model^-0.5.
  if (config.tiedEmbeddings) final = g.node('Mul', [final, g.constant([dModel ** -0.5])]);
  g.renameValue(linearNoBias(ctx, final, 'lm_head.weight', dModel, config.vocabSize), 'logits');
  g.output('logits', 'float32', ['batch_size', 'target_length', config.vocabSize]);
  return g.toModel({ doc });
}
