import { softmax } from '@/lib/maths';
import { BadInputError, checkpointSource, defineAdapter, encoderInside, loadCheckpoint, pairTokenizer, type PairEncoding } from '@/worker/sdk';
import { pretrainingHead } from './head';
import { combineLosses, nspLoss } from './losses';
import { countMasks } from './masks';
import type { PretrainingOutput } from './output';
import { MAX_MASKS } from './params';
import { readMask } from './predictions';
import { insideViews, seam } from './seam';

/*
 * BertForPreTraining: one encoder pass, two heads on top.
 * [1] cls.predictions (dense + GELU + LayerNorm, then the word-embedding table as decoder, plus a bias)
 *     scores every vocabulary word at every position: prediction_logits [1, seq_len, vocab].
 * [2] cls.seq_relationship on the pooled [CLS] vector: seq_relationship_logits [1, 2], IsNext / NotNext.
 * [3] Changing only the true tokens or the true relation changes the loss, not the model's output: the
 *     last pass is kept and re-scored instead of running the encoder again.
 */
const TOP_K = 5;

interface Pass {
  key: string;
  pair: PairEncoding;
  predictions: Float32Array;
  /** Scores per position: the config's vocab_size. */
  size: number;
  seq: Float32Array;
}

export default defineAdapter(seam, {
  source: checkpointSource(pretrainingHead),
  async load(ctx) {
    const cm = await loadCheckpoint(ctx, pretrainingHead);
    const { tokenizer, vocab, facts } = cm;
    const maskToken = tokenizer.mask_token ?? '[MASK]';
    const maskId = tokenizer.mask_token_id;
    if (maskId === undefined) throw new BadInputError(`“${ctx.model}” has no mask token, so it cannot be pretrained with masked words.`);
    const { ids, fit } = pairTokenizer(tokenizer, vocab, facts.maxLength);
    let last: Pass | undefined;
    const inside = encoderInside<typeof seam.codec.defaults>(ctx, {
      vocab,
      views: insideViews,
      encode: (p) => fit(p.sentence_a, p.sentence_b),
      focus: (ids) => Math.max(0, ids.indexOf(maskId)),
    });

    async function pass(a: string, b: string): Promise<Pass> {
      const key = JSON.stringify([a, b]);
      if (last?.key === key) return last; // [3]
      const pair = fit(a, b);
      const out = await cm.run({ input_ids: [pair.ids], token_type_ids: [pair.types], attention_mask: [pair.ids.map(() => 1)] });
      const predictions = out.prediction_logits; // [1]
      const seq = out.seq_relationship_logits.data; // [2]
      last = { key, pair, predictions: predictions.data, size: predictions.dims.at(-1) ?? vocab.length, seq };
      return last;
    }

    /** A true token must be exactly one vocabulary entry: a mask hides one token. */
    function labelId(label: string, n: number, notes: string[]): number | undefined {
      if (!label.trim()) return undefined;
      const pieces = ids(label.trim());
      if (pieces.length === 1 && pieces[0] !== tokenizer.unk_token_id) return pieces[0];
      notes.push(
        pieces.length === 1
          ? `The true token for mask ${n + 1}, “${label}”, is not in this model's vocabulary, so it has no score.`
          : `The true token for mask ${n + 1}, “${label}”, is ${pieces.length} tokens here (${pieces.map((p) => vocab[p]).join(' ')}); a mask hides exactly one, so give one of them.`,
      );
      return undefined;
    }

    return {
      facts,
      async run(p) {
        if (!p.sentence_a.trim() || !p.sentence_b.trim()) {
          throw new BadInputError('Pretraining reads a pair of sentences: fill in both Sentence A and Sentence B.');
        }
        const typed = countMasks(p.sentence_a, maskToken) + countMasks(p.sentence_b, maskToken);
        if (typed === 0) throw new BadInputError(`There is no ${maskToken} in either sentence, so there is no word to predict.`);
        if (typed > MAX_MASKS) throw new BadInputError(`That is ${typed} masks; the hat predicts at most ${MAX_MASKS} at once.`);
        const { pair, predictions, size, seq } = await pass(p.sentence_a, p.sentence_b);
        const positions = pair.ids.flatMap((id, i) => (id === maskId ? [i] : []));
        if (positions.length < typed) {
          throw new BadInputError(`Only ${positions.length} of the ${typed} masks fit in the model's ${facts.maxLength}-token window. Shorten the sentences.`);
        }
        const notes: string[] = [];
        const masks = positions.map((position, n) => ({
          position,
          sentence: pair.types[position] === 0 ? ('A' as const) : ('B' as const),
          ...readMask(predictions, position, size, vocab, TOP_K, labelId(p.labels[n] ?? '', n, notes)),
        }));
        const terms = masks.flatMap((m, mask) => (m.truth ? [{ mask, loss: m.truth.loss }] : []));
        const [isNext, notNext] = softmax(seq) as [number, number];
        const output: PretrainingOutput = {
          maskToken,
          masks,
          nsp: { isNext, notNext, logits: [seq[0]!, seq[1]!] },
          relation: p.is_next,
          losses: combineLosses(terms, p.is_next ? nspLoss(seq, p.is_next === 'true') : undefined),
          labelNotes: notes,
          provenance: cm.provenance,
        };
        return { output, tokens: pair.tokens };
      },
      call: inside.call,
      dispose: () => Promise.all([inside.dispose(), cm.dispose()]),
    };
  },
});
