import { AutoModelForTokenClassification } from '@huggingface/transformers';
import { defineAdapter, encode, floats, loadTextModel, textInside, tokenizerJsonOf } from '@/worker/sdk';
import { buildOutput } from './postprocess';
import { readScheme } from './scheme';
import { insideViews, seam } from './seam';

export default defineAdapter(seam, {
  async load(ctx) {
    const tm = await loadTextModel(AutoModelForTokenClassification, ctx);
    const inside = textInside<typeof seam.codec.defaults>(ctx, tm, { views: insideViews, input: (p) => ({ text: p.text }) });
    // [1] How this tokenizer marks word pieces ("##", "▁", byte-level "Ġ"), to find each token in the text again.
    const scheme = readScheme(tokenizerJsonOf(tm.tokenizer));
    return {
      facts: tm.facts,
      async run({ text }) {
        const { inputs, tokens } = encode(tm, { text });
        // [2] logits: [batch=1, seq_len, num_labels]. The head is one Linear(hidden → num_labels) applied to every
        //     token's final hidden vector, so each token gets its own scores; there is no pooling.
        const { logits } = await tm.model(inputs);
        const output = buildOutput({
          text,
          rows: tokens.rows,
          logits: floats(logits),
          id2label: tm.facts.id2label,
          scheme,
          unkToken: tm.tokenizer.unk_token,
          truncated: tokens.truncated,
        });
        return { output, tokens };
      },
      call: inside.call,
      dispose: () => Promise.all([inside.dispose(), tm.model.dispose()]),
    };
  },
});
