import type { CheckpointHead } from '@/worker/sdk';
import { BATCH, maskedLm, pooler, SEQUENCE, seqRelationship } from '../../lib/onnx';

/*
 * BertForPreTraining: one encoder pass, both heads BERT was pretrained with, named as
 * BertForPreTrainingOutput names them: the masked-LM scores of every word at every position,
 * prediction_logits [batch, seq, vocab], and the next-sentence scores of the pooled [CLS],
 * seq_relationship_logits [batch, 2].
 */
export const pretrainingHead: CheckpointHead<'prediction_logits' | 'seq_relationship_logits'> = {
  name: 'pretraining',
  label: 'pre-training (masked LM + next sentence)',
  shapes: (c) => [...maskedLm.shapes(c), ...pooler.shapes(c), ...seqRelationship.shapes(c)],
  outputs: (c) => [
    { name: 'prediction_logits', dims: [BATCH, SEQUENCE, c.vocabSize] },
    { name: 'seq_relationship_logits', dims: [BATCH, 2] },
  ],
  build: (ctx, c, hidden) => [maskedLm.build(ctx, c, hidden), seqRelationship.build(ctx, c, pooler.build(ctx, c, hidden))],
  reference: (ops, c, xs) => [maskedLm.reference(ops, c, xs), seqRelationship.reference(ops, c, pooler.reference(ops, c, xs))],
};
