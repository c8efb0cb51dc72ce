import type { CheckpointHead } from '@/worker/sdk';
import { BATCH, linear, linearShapes, pooler } from '../../lib/onnx';

export const CLASSIFIER = 'classifier';

/*
 * BertForMultipleChoice: each (context, choice) pair is one row of the batch; its pooled [CLS]
 * vector → classifier Linear(hidden → 1) gives one score per row, logits [pairs, 1]. The adapter
 * softmaxes across the rows of one question.
 */
export const multipleChoiceHead: CheckpointHead<'logits'> = {
  name: 'multiple-choice',
  label: 'multiple-choice',
  shapes: (c) => [...pooler.shapes(c), ...linearShapes(CLASSIFIER, 1, c.hiddenSize)],
  outputs: () => [{ name: 'logits', dims: [BATCH, 1] }],
  build: (ctx, c, hidden) => [linear(ctx, pooler.build(ctx, c, hidden), CLASSIFIER, c.hiddenSize, 1)],
  reference: (ops, c, xs) => [ops.linear(pooler.reference(ops, c, xs), CLASSIFIER, 1)],
};
