import { AutoModelForMaskedLM } from '@huggingface/transformers';
import { BadInputError, defineAdapter, encode, floats, loadTextModel, textInside } from '@/worker/sdk';
import { MAX_MASKS, normalizeMasks, predictMasks, type MaskedLmOutput } from './postprocess';
import { insideViews, seam } from './seam';

export default defineAdapter(seam, {
  async load(ctx) {
    const tm = await loadTextModel(AutoModelForMaskedLM, ctx);
    const maskToken = tm.tokenizer.mask_token;
    const maskId = tm.tokenizer.mask_token_id;
    if (!maskToken || maskId === undefined) throw new BadInputError(`“${ctx.model}” has no mask token, so it cannot fill in blanks.`);
    // The lens looks first at the first mask: the word the hat is asked to guess.
    const inside = textInside<typeof seam.codec.defaults>(ctx, tm, {
      views: insideViews,
      input: (p) => ({ text: normalizeMasks(p.text, maskToken) }),
      focus: (ids) => Math.max(0, ids.indexOf(maskId)),
    });
    return {
      facts: tm.facts,
      async run(params) {
        const text = normalizeMasks(params.text, maskToken);
        const { inputs, ids, tokens } = encode(tm, { text });
        const count = ids.filter((id) => id === maskId).length;
        if (count === 0) {
          throw new BadInputError(
            tokens.truncated
              ? `Every ${maskToken} is past the model's ${tm.facts.maxLength}-token window. Move a mask nearer the start.`
              : `There is no ${maskToken} in the text. Put one where a word should be predicted.`,
          );
        }
        if (count > MAX_MASKS) throw new BadInputError(`That is ${count} masks; the hat predicts at most ${MAX_MASKS} at once.`);
        const { logits } = await tm.model(inputs);
        const output: MaskedLmOutput = {
          maskToken,
          masks: predictMasks(floats(logits), ids, maskId, tm.vocab, params.top_k),
        };
        return { output, tokens };
      },
      call: inside.call,
      dispose: () => Promise.all([inside.dispose(), tm.model.dispose()]),
    };
  },
});
