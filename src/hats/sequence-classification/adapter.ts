import { AutoModelForSequenceClassification } from '@huggingface/transformers';
import { defineAdapter, encode, floats, loadTextModel, textInside } from '@/worker/sdk';
import { scoreLabels } from './postprocess';
import { insideViews, seam } from './seam';

export default defineAdapter(seam, {
  async load(ctx) {
    const tm = await loadTextModel(AutoModelForSequenceClassification, ctx);
    const inside = textInside<typeof seam.codec.defaults>(ctx, tm, { views: insideViews, input: (p) => ({ text: p.text, textPair: p.text_pair }) });
    return {
      facts: tm.facts,
      async run(params) {
        // [1] A pair is packed as [CLS] A [SEP] B [SEP]; token_type_ids mark which sentence each token is in.
        const { inputs, tokens } = encode(tm, { text: params.text, textPair: params.text_pair });
        const { logits } = await tm.model(inputs);
        // [2] logits: [batch=1, num_labels], one raw score per label from the classifier layer.
        return { output: scoreLabels(floats(logits), tm.facts.id2label, tm.facts.problemType), tokens };
      },
      call: inside.call,
      dispose: () => Promise.all([inside.dispose(), tm.model.dispose()]),
    };
  },
});
