import { AutoModel, type Tensor } from '@huggingface/transformers';
import { defineAdapter, encode, EngineError, loadTextModel, outputNamesOf, textInside, type TextModel } from '@/worker/sdk';
import { describeBatch, type BatchRow } from './postprocess';
import { insideViews, seam } from './seam';

const ints = (t: Tensor) => Array.from(t.data as BigInt64Array, Number);

export default defineAdapter(seam, {
  async load(ctx) {
    // [1] AutoModel reads the config's model_type and builds the bare body (BertModel, …): no head.
    const tm = await loadTextModel(AutoModel, ctx);
    const names = outputNamesOf(tm.model);
    if (!names.includes('last_hidden_state')) {
      await tm.model.dispose();
      throw new EngineError(
        'unsupported',
        `“${ctx.model}” was exported with a head (its outputs: ${names.join(', ')}), so it gives no last_hidden_state. ` +
          'Pick a feature-extraction export, or wear the hat that matches its head.',
      );
    }
    const inside = textInside<typeof seam.codec.defaults>(ctx, tm, { views: insideViews, input: (p) => ({ text: p.text }) });
    return {
      facts: tm.facts,
      async run(params) {
        const { tokens } = encode(tm, { text: params.text });
        const texts = params.text_pair.trim() ? [params.text, params.text_pair] : [params.text];
        // [2] A list of sentences becomes one padded batch; the attention mask marks the real tokens.
        const inputs = tm.tokenizer(texts, {
          padding: true,
          truncation: true,
          max_length: tm.facts.maxLength,
          return_token_type_ids: tm.facts.hasTokenTypeIds ? true : null,
        });
        const [batch = 1, seq = 0] = inputs.input_ids.dims as number[];
        const ids = ints(inputs.input_ids);
        const mask = ints(inputs.attention_mask);
        const rows: BatchRow[] = texts.map((text, b) => ({
          ids: ids.slice(b * seq, (b + 1) * seq),
          mask: mask.slice(b * seq, (b + 1) * seq),
          truncated: b === 0 ? tokens.truncated : fullLength(tm, text) > tm.facts.maxLength,
        }));
        const { last_hidden_state } = (await tm.model(inputs)) as { last_hidden_state: Tensor };
        // [3] fp16 models answer in half precision; the maths below wants ordinary floats.
        const state = last_hidden_state.type === 'float32' ? last_hidden_state : last_hidden_state.to('float32');
        const special = new Set(tm.tokenizer.all_special_ids);
        if (rows.length !== batch) throw new Error(`The tokenizer made ${batch} rows for ${rows.length} sentences.`);
        return { output: describeBatch(state.data as Float32Array, state.dims, rows, tm.vocab, special), tokens };
      },
      call: inside.call,
      dispose: () => Promise.all([inside.dispose(), tm.model.dispose()]),
    };
  },
});

function fullLength(tm: TextModel, text: string): number {
  const full = tm.tokenizer(text, { truncation: false, return_tensor: false }) as unknown as { input_ids: number[] };
  return full.input_ids.length;
}
