import { describe, expect, it } from 'vitest';
import { bareEncoder, BATCH, linearShapes, SEQUENCE, type BertHead } from './bert-head';
import { maskedLm, pooler, seqRelationship } from './bert-blocks';
import { buildBertModel } from './bert-model';
import { linear } from './layers';
import { expectGraphMatchesReference, testConfig } from './testing';
import { blankWeights } from './weight-shapes';

/*
 * The graph must compute exactly what BERT / DistilBERT compute, so that real
 * checkpoints can go through the same builder. The encoder alone and every
 * building block are checked here against the loop-by-loop reference; each
 * hat checks its own head the same way (its head.test.ts).
 */

/** Every block at once, plus a per-token Linear; the NSP classifier only where BERT has it. */
function blocks(withNsp: boolean): BertHead {
  return {
    name: 'blocks',
    shapes: (c) => [...maskedLm.shapes(c), ...pooler.shapes(c), ...(withNsp ? seqRelationship.shapes(c) : []), ...linearShapes('tagger', 3, c.hiddenSize)],
    outputs: (c) => [
      { name: 'prediction_logits', dims: [BATCH, SEQUENCE, c.vocabSize] },
      { name: 'pooled', dims: [BATCH, c.hiddenSize] },
      ...(withNsp ? [{ name: 'seq_relationship_logits', dims: [BATCH, 2] }] : []),
      { name: 'tags', dims: [BATCH, SEQUENCE, 3] },
    ],
    build(ctx, c, hidden) {
      const pooled = pooler.build(ctx, c, hidden);
      const nsp = withNsp ? [seqRelationship.build(ctx, c, pooled)] : [];
      return [maskedLm.build(ctx, c, hidden), pooled, ...nsp, linear(ctx, hidden, 'tagger', c.hiddenSize, 3)];
    },
    reference(ops, c, xs) {
      const pooled = pooler.reference(ops, c, xs);
      const nsp = withNsp ? [seqRelationship.reference(ops, c, pooled)] : [];
      return [maskedLm.reference(ops, c, xs), pooled, ...nsp, xs.flatMap((x) => ops.linear(x, 'tagger', 3))];
    },
  };
}

describe('buildBertModel matches the reference forward pass', () => {
  it.each([
    ['bert', 'the bare encoder', bareEncoder],
    ['distilbert', 'the bare encoder', bareEncoder],
    ['bert', 'every block', blocks(true)],
    ['distilbert', 'every block', blocks(false)],
  ] as const)('%s, %s: fp32 and q8', async (family, _name, head) => {
    await expectGraphMatchesReference(family, head);
  });

  it('the bare encoder answers with last_hidden_state, one vector per token', () => {
    expect(bareEncoder.outputs(testConfig('bert'))).toEqual([{ name: 'last_hidden_state', dims: ['batch_size', 'sequence_length', 16] }]);
  });

  it('names the graph after the family and head, and declares the head outputs in order', () => {
    const c = testConfig('bert');
    const model = buildBertModel({ config: c, head: blocks(true), weights: blankWeights(c, blocks(true)) });
    expect(model.graph.name).toBe('bert-blocks');
    expect(model.graph.output.map((o) => o.name)).toEqual(['prediction_logits', 'pooled', 'seq_relationship_logits', 'tags']);
  });

  it('refuses the NSP block on DistilBERT, and names a missing tensor', () => {
    expect(() => blankWeights(testConfig('distilbert'), blocks(true))).toThrow(/pooler/);
    const b = testConfig('bert');
    const weights = { ...blankWeights(b, blocks(true)) };
    delete weights['cls.seq_relationship.weight'];
    expect(() => buildBertModel({ config: b, head: blocks(true), weights })).toThrow(/cls\.seq_relationship\.weight/);
  });
});
