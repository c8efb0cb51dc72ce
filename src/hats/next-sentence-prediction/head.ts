import type { CheckpointHead } from '@/worker/sdk';
import { BATCH, pooler, seqRelationship } from '../../lib/onnx';

/*
 * BertForNextSentencePrediction: the pooled [CLS] vector → cls.seq_relationship Linear(hidden → 2),
 * logits [batch, 2], index 0 IsNext, index 1 NotNext. It reads only these tensors of a pretraining
 * checkpoint, so the masked-LM half is never downloaded.
 */
export const nspHead: CheckpointHead<'logits'> = {
  name: 'next-sentence-prediction',
  label: 'next-sentence-prediction',
  shapes: (c) => [...pooler.shapes(c), ...seqRelationship.shapes(c)],
  outputs: () => [{ name: 'logits', dims: [BATCH, 2] }],
  build: (ctx, c, hidden) => [seqRelationship.build(ctx, c, pooler.build(ctx, c, hidden))],
  reference: (ops, c, xs) => [seqRelationship.reference(ops, c, pooler.reference(ops, c, xs))],
};
