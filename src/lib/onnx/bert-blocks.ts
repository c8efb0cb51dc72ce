import { linearShapes, normShapes, type TensorShape } from './bert-head';
import { blockNames, embeddingNames, type EncoderConfig } from './bert-names';
import { addWeight, firstToken, gelu, layerNorm, linear, type BuildContext } from './layers';
import { gelu as exactGelu, sum, type Ops, type Vec } from './reference';

/*
 * The blocks BERT's own heads are built from, each as tensors, graph and reference maths. A hat's
 * head (its head.ts) puts them together with layers of its own.
 */

/*
 * [1] Sentence-level heads read one vector per text: the [CLS] token's.
 *     BERT first passes it through the "pooler" (dense + tanh, trained on next
 *     sentence prediction); DistilBERT has no pooler and uses pre_classifier +
 *     ReLU instead.
 */
export const pooler = {
  shapes(config: EncoderConfig): TensorShape[] {
    const n = blockNames(config);
    return linearShapes(config.family === 'bert' ? n.pooler : n.preClassifier, config.hiddenSize, config.hiddenSize);
  },
  /** [batch, seq, hidden] → [batch, hidden] */
  build(ctx: BuildContext, config: EncoderConfig, hidden: string): string {
    const { g } = ctx;
    const h = config.hiddenSize;
    const n = blockNames(config);
    const cls = firstToken(g, hidden);
    return config.family === 'bert'
      ? g.node('Tanh', [linear(ctx, cls, n.pooler, h, h)])
      : g.node('Relu', [linear(ctx, cls, n.preClassifier, h, h)]);
  },
  reference(ops: Ops, config: EncoderConfig, xs: Vec[]): Vec {
    const h = config.hiddenSize;
    const n = blockNames(config);
    return config.family === 'bert'
      ? ops.linear(xs[0]!, n.pooler, h).map(Math.tanh)
      : ops.linear(xs[0]!, n.preClassifier, h).map((a) => Math.max(0, a));
  },
};

/*
 * [2] Masked LM (BERT's cls.predictions): every position gets dense + GELU +
 *     LayerNorm, then a score for every vocabulary word. The decoder is tied to
 *     the input word embeddings [vocab, hidden]: the score of word w is the dot
 *     product of the position's vector with w's embedding, plus a per-word bias.
 *     So "predict w" means "point in the direction of w's embedding".
 */
export const maskedLm = {
  shapes(config: EncoderConfig): TensorShape[] {
    const n = blockNames(config);
    const h = config.hiddenSize;
    return [...linearShapes(n.mlmTransform, h, h), ...normShapes(n.mlmNorm, h), [n.mlmBias, [config.vocabSize]]];
  },
  /** [batch, seq, hidden] → [batch, seq, vocab] */
  build(ctx: BuildContext, config: EncoderConfig, hidden: string): string {
    const { g } = ctx;
    const h = config.hiddenSize;
    const n = blockNames(config);
    const transformed = layerNorm(ctx, gelu(g, linear(ctx, hidden, n.mlmTransform, h, h)), n.mlmNorm, h);
    // The word table is already an initializer (the embedding Gather reads it); reuse it, transposed.
    const decoder = g.node('Transpose', [embeddingNames(config).word], { perm: { ints: [1, 0] } });
    const scores = g.node('MatMul', [transformed, decoder]);
    return g.node('Add', [scores, addWeight(ctx, n.mlmBias, [config.vocabSize])]);
  },
  reference(ops: Ops, config: EncoderConfig, xs: Vec[]): Vec {
    const h = config.hiddenSize;
    const n = blockNames(config);
    const word = embeddingNames(config).word;
    return xs.flatMap((x) => {
      const t = ops.norm(ops.linear(x, n.mlmTransform, h).map(exactGelu), n.mlmNorm);
      const bias = ops.get(n.mlmBias);
      return Array.from({ length: config.vocabSize }, (_, id) => bias[id]! + sum(ops.row(word, id, h).map((ev, i) => ev * t[i]!)));
    });
  },
};

/**
 * [3] Tied weights: the masked-LM decoder is the word-embedding table, so a checkpoint stores it
 *     once, under either name; its output bias likewise may sit under cls.predictions.decoder.bias.
 *     Other names a loader may find a tensor under, by builder name.
 */
export function tiedAliases(config: EncoderConfig): Record<string, string[]> {
  return {
    [embeddingNames(config).word]: ['cls.predictions.decoder.weight'],
    [blockNames(config).mlmBias]: ['cls.predictions.decoder.bias'],
  };
}

/*
 * [4] Next sentence prediction (cls.seq_relationship): Linear(hidden → 2) on
 *     the pooled [CLS]; index 0 = "B follows A" (IsNext), 1 = NotNext. BERT
 *     only: DistilBERT has no pooler and was not trained on it.
 */
export const seqRelationship = {
  shapes(config: EncoderConfig): TensorShape[] {
    if (config.family !== 'bert') throw new Error(`BERT's NSP classifier (cls.seq_relationship) reads its pooler; ${config.family} has neither`);
    return linearShapes(blockNames(config).seqRelationship, 2, config.hiddenSize);
  },
  /** pooled [batch, hidden] → [batch, 2] */
  build(ctx: BuildContext, config: EncoderConfig, pooled: string): string {
    return linear(ctx, pooled, blockNames(config).seqRelationship, config.hiddenSize, 2);
  },
  reference(ops: Ops, config: EncoderConfig, pooled: Vec): Vec {
    return ops.linear(pooled, blockNames(config).seqRelationship, 2);
  },
};
