import { BadInputError, checkpointSource, defineAdapter, encoderInside, loadCheckpoint, pairTokenizer } from '@/worker/sdk';
import { nspHead } from './head';
import { insideViews, seam } from './seam';
import { nspVerdict, type NspOutput } from './verdict';

/*
 * BertForNextSentencePrediction from a pretrained checkpoint's own weights:
 * [1] The pair is read as [CLS] A [SEP] B [SEP], with segment (token type) 0 for A and 1 for B, the
 *     same layout BERT saw in pretraining, where half the B sentences were random ones.
 * [2] The [CLS] vector → pooler (dense + tanh) → cls.seq_relationship Linear(hidden → 2): logits [1, 2],
 *     index 0 IsNext, index 1 NotNext. No fine-tuning: this is the head pretraining itself left behind.
 */
export default defineAdapter(seam, {
  source: checkpointSource(nspHead),
  async load(ctx) {
    const cm = await loadCheckpoint(ctx, nspHead);
    const { tokenizer, vocab, facts } = cm;
    const { fit } = pairTokenizer(tokenizer, vocab, facts.maxLength);
    const inside = encoderInside<typeof seam.codec.defaults>(ctx, { vocab, views: insideViews, encode: (p) => fit(p.sentence_a, p.sentence_b) });
    return {
      facts,
      async run({ sentence_a: a, sentence_b: b }) {
        if (!a.trim()) throw new BadInputError('Sentence A is empty. Type the first sentence.');
        if (!b.trim()) throw new BadInputError('Sentence B is missing. The head judges whether B follows A, so it needs both.');
        const pair = fit(a, b); // [1]
        const { logits } = await cm.run({
          input_ids: [pair.ids],
          token_type_ids: [pair.types],
          attention_mask: [pair.ids.map(() => 1)],
        });
        const output: NspOutput = { ...nspVerdict(logits.data), provenance: cm.provenance }; // [2]
        return { output, tokens: pair.tokens };
      },
      call: inside.call,
      dispose: () => Promise.all([inside.dispose(), cm.dispose()]),
    };
  },
});
