import { AutoModel, type Tensor } from '@huggingface/transformers';
import { BadInputError, defineAdapter, encode, EngineError, loadTextModel, outputNamesOf, textInside, type TextModel } from '@/worker/sdk';
import { fitProblem, readHeadParam } from './head-codec';
import { pool, poolingFor } from './pooling';
import { insideViews, seam } from './seam';
import { forward } from './training/network';
import { runTraining, TrainInputError } from './training/run-training';
import type { EncoderInfo, Prediction } from './types';

/*
 * The frozen encoder and whichever head the page hands it.
 * [1] AutoModel is the bare body (no task layer): its last_hidden_state is one vector per token.
 *     Nothing here ever changes the encoder's weights: only the head learns.
 * [2] One sentence vector per text: mean (or CLS) pooling, then length 1 (pooling.ts).
 * [3] Sentence vectors are remembered per text for as long as this model stays loaded, so training
 *     again with other settings, or after adding a few rows, embeds only what is new.
 * [4] The live run: h = pool(encoder(text)), then the head's own maths (training/network.ts).
 * [5] Training is a call of its own (protocol `call`, see seam.ts), never a live run: runTraining
 *     embeds the examples and trains the head, streaming its reports. Every other call is a look
 *     inside the frozen encoder (the Inside panel), answered like the base-model hat's.
 */

const MAX_CACHED = 50_000;

const ints = (t: Tensor) => Array.from(t.data as BigInt64Array, Number);

async function hiddenStates(tm: TextModel, inputs: Record<string, Tensor>): Promise<Tensor> {
  const { last_hidden_state } = (await tm.model(inputs)) as { last_hidden_state: Tensor };
  // fp16 models answer in half precision; pooling wants ordinary floats.
  return last_hidden_state.type === 'float32' ? last_hidden_state : last_hidden_state.to('float32');
}

export default defineAdapter(seam, {
  async load(ctx) {
    const tm = await loadTextModel(AutoModel, ctx); // [1]
    const names = outputNamesOf(tm.model);
    const size = tm.facts.hiddenSize;
    if (!names.includes('last_hidden_state') || !size) {
      await tm.model.dispose();
      throw new EngineError(
        'unsupported',
        `“${ctx.model}” gives no last_hidden_state (its outputs: ${names.join(', ')}), so there is nothing to put a head on. Pick a feature-extraction export.`,
      );
    }
    const hiddenSize = size;
    const encoder: EncoderInfo = { model: ctx.model, pooling: poolingFor(ctx.model), normalize: true, hiddenSize };
    const cache = new Map<string, Float32Array>(); // [3]
    const inside = textInside<typeof seam.codec.defaults>(ctx, tm, { views: insideViews, input: (p) => ({ text: p.text }) });

    async function embed(texts: string[]): Promise<Float32Array[]> {
      const inputs = tm.tokenizer(texts, {
        padding: true,
        truncation: true,
        max_length: tm.facts.maxLength,
        return_token_type_ids: tm.facts.hasTokenTypeIds ? true : null,
      });
      const [, seq = 0] = inputs.input_ids.dims as number[];
      const mask = ints(inputs.attention_mask);
      const state = (await hiddenStates(tm, inputs)).data as Float32Array;
      const vectors = texts.map((_, b) =>
        pool(state.subarray(b * seq * hiddenSize, (b + 1) * seq * hiddenSize), mask.slice(b * seq, (b + 1) * seq), hiddenSize, encoder.pooling, encoder.normalize), // [2]
      );
      if (cache.size > MAX_CACHED) cache.clear();
      return vectors;
    }

    return {
      facts: tm.facts,
      async call(payload, call) { // [5]
        if (payload.kind !== 'train') return inside.call(payload, call);
        try {
          return await runTraining(payload, {
            encoder,
            embed,
            cache,
            emit: call.emit,
            aborted: () => call.signal.aborted,
            stopped: call.stopped,
            now: () => performance.now(),
            pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
          });
        } catch (error) {
          if (error instanceof TrainInputError) throw new BadInputError(error.message);
          throw error;
        }
      },
      async run(params) {
        const { head, error } = readHeadParam(params.head);
        if (!head) throw new BadInputError(error ?? 'Train or import a head first.');
        const misfit = fitProblem(head, hiddenSize, ctx.model);
        if (misfit) throw new BadInputError(misfit);
        const { inputs, tokens, ids } = encode(tm, { text: params.text });
        const state = (await hiddenStates(tm, inputs as Record<string, Tensor>)).data as Float32Array;
        const h = pool(state, ids.map(() => 1), hiddenSize, head.encoder.pooling, head.encoder.normalize);
        const f = forward(head, h); // [4]
        const output: Prediction = {
          kind: 'predict',
          task: head.task,
          labels: head.labels,
          h: Array.from(h),
          ...(f.hidden ? { hidden: Array.from(f.hidden) } : {}),
          z: Array.from(f.z),
          probabilities: Array.from(f.probabilities),
        };
        return { output, tokens };
      },
      dispose: () => Promise.all([inside.dispose(), tm.model.dispose()]),
    };
  },
});
