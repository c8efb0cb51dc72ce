import { embeddingNames, headNames, type EncoderConfig, type HeadSpec } from './bert-names';
import { headOutputs } from './head-outputs';
import { addWeight, firstToken, gelu, layerNorm, linear, type BuildContext } from './layers';

/*
 * [1] Sentence-level heads read one vector per text: the [CLS] token's.
 *     BERT first passes it through the "pooler" (dense + tanh, trained on next
 *     sentence prediction); DistilBERT has no pooler and uses pre_classifier +
 *     ReLU instead. Sequence classification, multiple choice and NSP all start so.
 */
function pooled(ctx: BuildContext, config: EncoderConfig, hidden: string): string {
  const { g } = ctx;
  const h = config.hiddenSize;
  const names = headNames(config);
  const cls = firstToken(g, hidden);
  return config.family === 'bert'
    ? g.node('Tanh', [linear(ctx, cls, names.pooler, h, h)])
    : g.node('Relu', [linear(ctx, cls, names.preClassifier, h, h)]);
}

/*
 * [2] Masked LM (BERT's cls.predictions): every position gets dense + GELU +
 *     LayerNorm, then a score for every vocabulary word. The decoder is tied to
 *     the input word embeddings [vocab, hidden]: the score of word w is the dot
 *     product of the position's vector with w's embedding, plus a per-word bias.
 *     So "predict w" means "point in the direction of w's embedding".
 */
function maskedLm(ctx: BuildContext, config: EncoderConfig, hidden: string): string {
  const { g } = ctx;
  const h = config.hiddenSize;
  const names = headNames(config);
  const transformed = layerNorm(ctx, gelu(g, linear(ctx, hidden, names.mlmTransform, h, h)), names.mlmNorm, h);
  // The word table is already an initializer (the embedding Gather reads it); reuse it, transposed.
  const decoder = g.node('Transpose', [embeddingNames(config).word], { perm: { ints: [1, 0] } });
  const scores = g.node('MatMul', [transformed, decoder]);
  return g.node('Add', [scores, addWeight(ctx, names.mlmBias, [config.vocabSize])]);
}

/*
 * [3] Extractive question answering: one Linear(hidden → 2) on every token
 *     gives two scores per token, "the answer starts here" and "ends here".
 *     Gather on the last axis splits them into two [batch, seq] outputs.
 * [4] Token classification: one Linear(hidden → labels) on every token.
 * [5] Next sentence prediction (cls.seq_relationship): Linear(hidden → 2) on
 *     the pooled [CLS]; index 0 = "B follows A" (IsNext), 1 = NotNext.
 */
function headValues(ctx: BuildContext, config: EncoderConfig, head: HeadSpec, hidden: string): string[] {
  const { g } = ctx;
  const h = config.hiddenSize;
  const names = headNames(config);
  switch (head.kind) {
    case 'base':
      return [hidden];
    case 'masked-lm':
      return [maskedLm(ctx, config, hidden)];
    case 'sequence-classification':
      return [linear(ctx, pooled(ctx, config, hidden), names.classifier, h, head.numLabels)];
    case 'multiple-choice':
      return [linear(ctx, pooled(ctx, config, hidden), names.classifier, h, 1)];
    case 'token-classification': // [4]
      return [linear(ctx, hidden, names.classifier, h, head.numLabels)];
    case 'question-answering': {
      const both = linear(ctx, hidden, names.qaOutputs, h, 2); // [3]
      return [0, 1].map((k) => g.node('Gather', [both, g.constant([k], 'int64')], { axis: { i: 2 } }));
    }
    case 'next-sentence-prediction':
      return [linear(ctx, pooled(ctx, config, hidden), names.nsp, h, 2)]; // [5]
    case 'pretraining':
      return [maskedLm(ctx, config, hidden), linear(ctx, pooled(ctx, config, hidden), names.nsp, h, 2)];
    default: {
      const never: never = head;
      throw new Error(`unknown head ${JSON.stringify(never)}`);
    }
  }
}

/** Adds the head on top of the last hidden state and declares the graph outputs (see head-outputs.ts). */
export function addHead(ctx: BuildContext, config: EncoderConfig, head: HeadSpec, hidden: string): string[] {
  const values = headValues(ctx, config, head, hidden);
  return headOutputs(config, head).map(({ name, dims }, i) => {
    // Rename the producing node's output instead of adding an Identity node.
    ctx.g.renameValue(values[i] as string, name);
    return ctx.g.output(name, 'float32', dims);
  });
}
