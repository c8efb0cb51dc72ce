import { embeddingNames, headNames, type EncoderConfig } from './bert-names';
import { BATCH, SEQUENCE } from './bert-encoder';
import { addWeight, firstToken, gelu, layerNorm, linear, type BuildContext } from './layers';

/*
 * [1] Sequence classification reads one vector per text: the [CLS] token's.
 *     BERT first passes it through the "pooler" (dense + tanh, trained on next
 *     sentence prediction); DistilBERT has no pooler and uses pre_classifier +
 *     ReLU instead. Either way a final dense layer gives one logit per label.
 */
export function sequenceClassificationHead(
  ctx: BuildContext,
  config: EncoderConfig,
  hidden: string,
  numLabels: number,
): string {
  const { g } = ctx;
  const h = config.hiddenSize;
  const names = headNames(config);
  const cls = firstToken(g, hidden);
  const pooled =
    config.family === 'bert'
      ? g.node('Tanh', [linear(ctx, cls, names.pooler, h, h)])
      : g.node('Relu', [linear(ctx, cls, names.preClassifier, h, h)]);
  const logits = linear(ctx, pooled, names.classifier, h, numLabels);
  // Rename the last node's output instead of adding an Identity node.
  return renameOutput(ctx, logits, 'logits', [BATCH, numLabels]);
}

/*
 * [2] Masked LM (BERT's cls.predictions): every position gets dense + GELU +
 *     LayerNorm, then a score for every vocabulary word. The decoder is tied to
 *     the input word embeddings [vocab, hidden]: the score of word w is the dot
 *     product of the position's vector with w's embedding, plus a per-word bias.
 *     So "predict w" means "point in the direction of w's embedding".
 */
export function maskedLmHead(ctx: BuildContext, config: EncoderConfig, hidden: string): string {
  const { g } = ctx;
  const h = config.hiddenSize;
  const names = headNames(config);
  const transformed = layerNorm(ctx, gelu(g, linear(ctx, hidden, names.mlmTransform, h, h)), names.mlmNorm, h);
  // The word table is already an initializer (the embedding Gather reads it); reuse it, transposed.
  const decoder = g.node('Transpose', [embeddingNames(config).word], { perm: { ints: [1, 0] } });
  const scores = g.node('MatMul', [transformed, decoder]);
  const logits = g.node('Add', [scores, addWeight(ctx, names.mlmBias, [config.vocabSize])]);
  return renameOutput(ctx, logits, 'logits', [BATCH, SEQUENCE, config.vocabSize]);
}

function renameOutput(ctx: BuildContext, value: string, name: string, dims: (string | number)[]): string {
  const { g } = ctx;
  g.renameValue(value, name);
  return g.output(name, 'float32', dims);
}
