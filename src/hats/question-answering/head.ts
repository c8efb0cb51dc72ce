import { BATCH, linear, linearShapes, SEQUENCE, type BertHead } from '../../lib/onnx';

export const QA_OUTPUTS = 'qa_outputs';

/*
 * …ForQuestionAnswering, extractive: one Linear(hidden → 2) on every token gives two scores per
 * token, "the answer starts here" and "ends here". Gather on the last axis splits them into two
 * [batch, seq] outputs, named as QuestionAnsweringModelOutput names them.
 */
export const questionAnsweringHead: BertHead<'start_logits' | 'end_logits'> = {
  name: 'question-answering',
  shapes: (c) => linearShapes(QA_OUTPUTS, 2, c.hiddenSize),
  outputs: () => [
    { name: 'start_logits', dims: [BATCH, SEQUENCE] },
    { name: 'end_logits', dims: [BATCH, SEQUENCE] },
  ],
  build(ctx, c, hidden) {
    const { g } = ctx;
    const both = linear(ctx, hidden, QA_OUTPUTS, c.hiddenSize, 2);
    return [0, 1].map((k) => g.node('Gather', [both, g.constant([k], 'int64')], { axis: { i: 2 } }));
  },
  reference(ops, _c, xs) {
    const both = xs.map((x) => ops.linear(x, QA_OUTPUTS, 2));
    return [both.map((s) => s[0]!), both.map((s) => s[1]!)];
  },
};
