import { BadInputError, checkpointSource, defineAdapter, encoderInside, loadCheckpoint, padBatch, pairTokenizer, type PairEncoding } from '@/worker/sdk';
import { multipleChoiceHead } from './head';
import { choicesProblem } from './params';
import { scoreChoices, type MultipleChoiceOutput } from './scores';
import { insideViews, seam } from './seam';

/*
 * BertForMultipleChoice, run from the checkpoint's own weights:
 * [1] Every choice becomes one pair [CLS] context [SEP] choice [SEP]; the pairs go through the encoder as
 *     one batch (padded to the longest), so with n choices the model does n forward passes at once.
 * [2] Each pair's [CLS] vector → pooler (dense + tanh) → classifier Linear(hidden → 1): a single score.
 *     The graph returns logits [n, 1]; scoreChoices softmaxes across the n rows.
 */
export default defineAdapter(seam, {
  source: checkpointSource(multipleChoiceHead),
  async load(ctx) {
    const cm = await loadCheckpoint(ctx, multipleChoiceHead);
    const { tokenizer, vocab, facts } = cm;
    const { fit } = pairTokenizer(tokenizer, vocab, facts.maxLength);
    // Inside looks at one of the pairs the head scores: the context with the ending the learner picks.
    const inside = encoderInside<typeof seam.codec.defaults>(ctx, {
      vocab,
      views: insideViews,
      encode: (p, pick) => fit(p.context, p.choices[pick] ?? ''),
      picks: (p) => ({ label: 'Which ending', names: p.choices }),
    });
    return {
      facts,
      async run(params) {
        const problem = choicesProblem(params);
        if (problem) throw new BadInputError(problem);
        const pairs: PairEncoding[] = params.choices.map((choice) => fit(params.context, choice));
        const batch = padBatch(pairs, tokenizer.pad_token_id ?? 0); // [1]
        const { logits } = await cm.run(batch);
        const scored = scoreChoices( // [2]
          logits.data,
          params.choices,
          pairs.map((p) => p.tokens.rows.map((r) => ({ token: r.token, segment: r.typeId ?? 0, special: r.special }))),
          pairs.map((p) => p.tokens.truncated),
        );
        const output: MultipleChoiceOutput = { ...scored, provenance: cm.provenance };
        return { output, tokens: pairs[scored.best]!.tokens };
      },
      call: inside.call,
      dispose: () => Promise.all([inside.dispose(), cm.dispose()]),
    };
  },
});
