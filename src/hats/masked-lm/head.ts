import { BATCH, maskedLm, SEQUENCE, type BertHead } from '../../lib/onnx';

/*
 * …ForMaskedLM: BERT's cls.predictions on every position (see maskedLm in src/lib/onnx): a score
 * for every vocabulary word, logits [batch, seq, vocab].
 */
export const maskedLmHead: BertHead<'logits'> = {
  name: 'masked-lm',
  shapes: (c) => maskedLm.shapes(c),
  outputs: (c) => [{ name: 'logits', dims: [BATCH, SEQUENCE, c.vocabSize] }],
  build: (ctx, c, hidden) => [maskedLm.build(ctx, c, hidden)],
  reference: (ops, c, xs) => [maskedLm.reference(ops, c, xs)],
};
