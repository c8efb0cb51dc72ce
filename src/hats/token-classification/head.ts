import { BATCH, linear, linearShapes, SEQUENCE, type BertHead } from '../../lib/onnx';

export const CLASSIFIER = 'classifier';

/*
 * …ForTokenClassification: one Linear(hidden → labels) on every token's vector, no pooling:
 * logits [batch, seq, labels].
 */
export function tokenClassificationHead(numLabels: number): BertHead<'logits'> {
  return {
    name: 'token-classification',
    shapes: (c) => linearShapes(CLASSIFIER, numLabels, c.hiddenSize),
    outputs: () => [{ name: 'logits', dims: [BATCH, SEQUENCE, numLabels] }],
    build: (ctx, c, hidden) => [linear(ctx, hidden, CLASSIFIER, c.hiddenSize, numLabels)],
    reference: (ops, _c, xs) => [xs.flatMap((x) => ops.linear(x, CLASSIFIER, numLabels))],
  };
}
