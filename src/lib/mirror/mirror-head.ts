import { BATCH, SEQUENCE, type BertHead, type HeadOutput, type TensorShape } from '../onnx/bert-head';
import { maskedLm, pooler, seqRelationship } from '../onnx/bert-blocks';
import type { EncoderConfig } from '../onnx/bert-names';
import type { Ops, Vec } from '../onnx/reference';

/** Which of BERT's own heads a checkpoint carries next to its body. */
export interface MirrorParts {
  /** cls.predictions.* (the masked-word head). */
  maskedLm: boolean;
  /** bert.pooler.* and cls.seq_relationship.* (the next-sentence head on the pooled [CLS]). */
  nextSentence: boolean;
}

export type MirrorOutputName = 'last_hidden_state' | 'prediction_logits' | 'pooler_output' | 'seq_relationship_logits';

/*
 * One graph, one pass: the body's last hidden state is a graph output, and the same value feeds
 * every head the checkpoint has, as BertForPreTraining wires them. Nothing here is new maths: the
 * blocks are the ones the pretraining and next-sentence hats wear, put side by side.
 */
export function mirrorHead(parts: MirrorParts): BertHead<MirrorOutputName> {
  const outputs = (c: EncoderConfig): HeadOutput<MirrorOutputName>[] => [
    { name: 'last_hidden_state', dims: [BATCH, SEQUENCE, c.hiddenSize] },
    ...(parts.maskedLm ? [{ name: 'prediction_logits' as const, dims: [BATCH, SEQUENCE, c.vocabSize] }] : []),
    ...(parts.nextSentence
      ? [
          { name: 'pooler_output' as const, dims: [BATCH, c.hiddenSize] },
          { name: 'seq_relationship_logits' as const, dims: [BATCH, 2] },
        ]
      : []),
  ];
  return {
    name: `mirror${parts.maskedLm ? '-mlm' : ''}${parts.nextSentence ? '-nsp' : ''}`,
    shapes: (c): TensorShape[] => [
      ...(parts.maskedLm ? maskedLm.shapes(c) : []),
      ...(parts.nextSentence ? [...pooler.shapes(c), ...seqRelationship.shapes(c)] : []),
    ],
    outputs,
    build(ctx, c, hidden) {
      // The hidden state leaves the graph under its own name, so it gets an Identity of its own.
      const values = [ctx.g.node('Identity', [hidden])];
      if (parts.maskedLm) values.push(maskedLm.build(ctx, c, hidden));
      if (parts.nextSentence) {
        const pooled = pooler.build(ctx, c, hidden);
        values.push(ctx.g.node('Identity', [pooled]), seqRelationship.build(ctx, c, pooled));
      }
      return values;
    },
    reference(ops: Ops, c: EncoderConfig, xs: Vec[]): Vec[] {
      const out: Vec[] = [xs.flat()];
      if (parts.maskedLm) out.push(maskedLm.reference(ops, c, xs));
      if (parts.nextSentence) {
        const pooled = pooler.reference(ops, c, xs);
        out.push(pooled, seqRelationship.reference(ops, c, pooled));
      }
      return out;
    },
  };
}
