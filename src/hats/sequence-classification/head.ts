import { BATCH, linear, linearShapes, pooler, type BertHead } from '../../lib/onnx';

export const CLASSIFIER = 'classifier';

/*
 * …ForSequenceClassification: the pooled [CLS] vector (BERT's pooler, DistilBERT's pre_classifier)
 * → Linear(hidden → labels), one score per label: logits [batch, labels].
 */
export function sequenceClassificationHead(numLabels: number): BertHead<'logits'> {
  return {
    name: 'sequence-classification',
    shapes: (c) => [...pooler.shapes(c), ...linearShapes(CLASSIFIER, numLabels, c.hiddenSize)],
    outputs: () => [{ name: 'logits', dims: [BATCH, numLabels] }],
    build: (ctx, c, hidden) => [linear(ctx, pooler.build(ctx, c, hidden), CLASSIFIER, c.hiddenSize, numLabels)],
    reference: (ops, c, xs) => [ops.linear(pooler.reference(ops, c, xs), CLASSIFIER, numLabels)],
  };
}
