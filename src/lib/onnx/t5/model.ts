import { GraphBuilder } from '../graph-builder';
import type { ModelProto } from '../onnx-types';
import { addT5Weight, attention, causalMask, feedForward, linearNoBias, paddingMask, projectKeyValues, rmsNorm, type T5BuildContext } from './layers';
import { decoderBlockNames, encoderBlockNames, type T5Config, type T5Weights } from './names';

/*
 * The two ONNX files transformers.js loads for a T5 export (`AutoModelForSeq2SeqLM`):
 *   onnx/encoder_model.onnx:        input_ids, attention_mask → last_hidden_state
 *   onnx/decoder_model_merged.onnx: encoder_attention_mask, input_ids, encoder_hidden_states,
 *                                   past_key_values.{i}.{decoder,encoder}.{key,value}, use_cache_branch
 *                                   → logits, present.{i}.{decoder,encoder}.{key,value}
 * with the input and output names Optimum's export gives them, so the library drives
 * them exactly as it drives a real model.
 */

export interface T5ModelSpec {
  config: T5Config;
  weights: T5Weights;
  /** Stored in the file's doc_string: where the weights came from. */
  doc: string;
}

/** TensorProto.DataType BOOL (onnx.proto); the shared builder only declares float and int64 inputs. */
const BOOL = 9;

export function buildT5Encoder({ config, weights, doc }: T5ModelSpec): ModelProto {
  const g = new GraphBuilder('t5_encoder');
  const ctx: T5BuildContext = { g, weights, config };
  const ids = g.input('input_ids', 'int64', ['batch_size', 'encoder_sequence_length']);
  const mask = paddingMask(g, g.input('attention_mask', 'int64', ['batch_size', 'encoder_sequence_length']));
  let x = g.node('Gather', [addT5Weight(ctx, 'shared.weight', [config.vocabSize, config.dModel]), ids]);
  for (let i = 0; i < config.numLayers; i++) {
    const n = encoderBlockNames(i);
    // [1] Pre-norm residual blocks: x + sublayer(norm(x)); the encoder reads every token at once.
    const normed = rmsNorm(ctx, x, n.selfNorm);
    x = g.node('Add', [x, attention(ctx, normed, n.selfAttention, projectKeyValues(ctx, normed, n.selfAttention), mask)]);
    x = g.node('Add', [x, feedForward(ctx, rmsNorm(ctx, x, n.ffnNorm), n.ffn)]);
  }
  g.node('Identity', [rmsNorm(ctx, x, 'encoder.final_layer_norm.weight')], undefined, 'last_hidden_state');
  g.output('last_hidden_state', 'float32', ['batch_size', 'encoder_sequence_length', config.dModel]);
  return g.toModel({ doc });
}

export function buildT5Decoder({ config, weights, doc }: T5ModelSpec): ModelProto {
  const g = new GraphBuilder('t5_decoder_merged');
  const ctx: T5BuildContext = { g, weights, config };
  const { numHeads: heads, dKv } = config;
  const encoderMask = paddingMask(g, g.input('encoder_attention_mask', 'int64', ['batch_size', 'encoder_sequence_length']));
  const ids = g.input('input_ids', 'int64', ['batch_size', 'decoder_sequence_length']);
  const encoded = g.input('encoder_hidden_states', 'float32', ['batch_size', 'encoder_sequence_length', config.dModel]);
  const past: { key: string; value: string }[] = [];
  for (let i = 0; i < config.numDecoderLayers; i++) {
    const cache = (kind: 'decoder' | 'encoder', part: 'key' | 'value') =>
      g.input(`past_key_values.${i}.${kind}.${part}`, 'float32', [
        'batch_size',
        heads,
        kind === 'decoder' ? 'past_decoder_sequence_length' : 'encoder_sequence_length_out',
        dKv,
      ]);
    past.push({ key: cache('decoder', 'key'), value: cache('decoder', 'value') });
    // [2] The cross-attention cache is an input too (Optimum's merged layout), but this graph
    //     recomputes it from encoder_hidden_states on every step: same values, simpler graph.
    cache('encoder', 'key');
    cache('encoder', 'value');
  }
  const firstPast = past[0]?.key;
  if (!firstPast) throw new Error('A T5 decoder needs at least one layer');
  const selfMask = causalMask(g, firstPast, ids);
  let x = g.node('Gather', [addT5Weight(ctx, 'shared.weight', [config.vocabSize, config.dModel]), ids]);
  for (let i = 0; i < config.numDecoderLayers; i++) {
    const n = decoderBlockNames(i);
    const cache = past[i]!;
    // [3] Self-attention over the tokens written so far: the cache holds the keys and values of
    //     the earlier steps, so each step only projects its new token and appends it.
    const normed = rmsNorm(ctx, x, n.selfNorm);
    const fresh = projectKeyValues(ctx, normed, n.selfAttention);
    const kv = {
      key: g.node('Concat', [cache.key, fresh.key], { axis: { i: 2 } }, `present.${i}.decoder.key`),
      value: g.node('Concat', [cache.value, fresh.value], { axis: { i: 2 } }, `present.${i}.decoder.value`),
    };
    x = g.node('Add', [x, attention(ctx, normed, n.selfAttention, kv, selfMask)]);
    // [4] Cross-attention: queries from the decoder, keys and values from the encoder's output.
    const crossKv = projectKeyValues(ctx, encoded, n.crossAttention, {
      key: `present.${i}.encoder.key`,
      value: `present.${i}.encoder.value`,
    });
    x = g.node('Add', [x, attention(ctx, rmsNorm(ctx, x, n.crossNorm), n.crossAttention, crossKv, encoderMask)]);
    x = g.node('Add', [x, feedForward(ctx, rmsNorm(ctx, x, n.ffnNorm), n.ffn)]);
  }
  const final = rmsNorm(ctx, x, 'decoder.final_layer_norm.weight');
  // [5] The export bakes the LM head in; with tied embeddings the checkpoint would scale by d_model^-0.5 first.
  g.renameValue(linearNoBias(ctx, final, 'lm_head.weight', config.dModel, config.vocabSize), 'logits');
  g.output('logits', 'float32', ['batch_size', 'decoder_sequence_length', config.vocabSize]);
  for (let i = 0; i < config.numDecoderLayers; i++) {
    for (const part of ['key', 'value']) {
      g.output(`present.${i}.decoder.${part}`, 'float32', ['batch_size', heads, 'past_decoder_sequence_length + 1', dKv]);
    }
    for (const part of ['key', 'value']) {
      g.output(`present.${i}.encoder.${part}`, 'float32', ['batch_size', heads, 'encoder_sequence_length_out', dKv]);
    }
  }
  const model = g.toModel({ doc });
  // [6] transformers.js sets use_cache_branch when the graph lists it; Optimum's merged graph
  //     switches on it with an If node. Here both branches are the same graph, so it is only read.
  model.graph.input.push({
    name: 'use_cache_branch',
    type: { tensor_type: { elem_type: BOOL, shape: { dim: [{ dim_value: 1 }] } } },
  });
  return model;
}
