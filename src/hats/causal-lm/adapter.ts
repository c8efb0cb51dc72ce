import { AutoModelForCausalLM, AutoTokenizer, ModelRegistry, Tensor, type PreTrainedModel } from '@huggingface/transformers';
import {
  attentionMap,
  BadInputError,
  defineAdapter,
  generatorInside,
  generationConfigOf,
  gpt2Architecture,
  hiddenStates,
  lensPositions,
  onnxExportSource,
  pacer,
  pretrainedOptions,
  progressForwarder,
  readFacts,
  sessionsOf,
  setHost,
  type Dtype,
  type ModelSource,
  type RunContext,
  type TokensInfo,
} from '@/worker/sdk';
import type { Gpt2Config } from '@/lib/onnx/gpt2';
import { decode, fitToWindow, type Forward } from './decode';
import { byteTokenText, unreadable } from './byte-token';
import { shownStep, type CausalOutput, type GenStep } from './output';
import { clampSettings, type CausalParams } from './params';
import { seam } from './seam';

/*
 * [1] Decoder-only exports come in two layouts: onnx/model*.onnx (what
 *     transformers.js 3+ loads for AutoModelForCausalLM), and the older
 *     onnx/decoder_model_merged*.onnx, one graph with and without a cache behind
 *     a `use_cache_branch` switch (e.g. Xenova/distilgpt2). The hat reads either.
 * [2] One step of the model: input_ids [1, new], attention_mask [1, all so far]
 *     (position_ids are made from it), and the cache of every earlier token's
 *     keys and values per layer, [1, heads, past, head_dim]. Out come logits
 *     [1, new, vocab], of which only the last row (the next token) is needed,
 *     and present.<i>.key/value: the cache grown by the new tokens.
 * [3] Inside: the export answers with logits only, so the panel rebuilds GPT-2 from the PyTorch
 *     checkpoint (the model's own, or the one it was exported from) with every layer's attention
 *     and hidden state as outputs, and reads the prompt exactly as a run does. The lens is the
 *     model's own ln_f and lm_head applied to every layer: what it would say if it stopped there.
 */

const MERGED = 'decoder_model_merged';
const layouts = new Map<string, Promise<{ fileName?: string; dtypes: Dtype[] }>>();

/** [1] */
function layoutOf(model: string, host: string) {
  const key = `${host}|${model}`;
  let found = layouts.get(key);
  if (!found) {
    found = (async () => {
      setHost(host);
      const plain = (await ModelRegistry.get_available_dtypes(model)) as Dtype[];
      if (plain.length > 0) return { dtypes: plain };
      const merged = (await ModelRegistry.get_available_dtypes(model, { model_file_name: MERGED })) as Dtype[];
      return merged.length > 0 ? { fileName: MERGED, dtypes: merged } : { dtypes: [] };
    })();
    found.catch(() => layouts.delete(key));
    layouts.set(key, found);
  }
  return found;
}

const source: ModelSource = {
  availableDtypes: async ({ model, host }) => (await layoutOf(model, host)).dtypes,
  async files(q) {
    const { fileName } = await layoutOf(q.model, q.host);
    if (!fileName) return onnxExportSource.files(q);
    setHost(q.host);
    const files = await ModelRegistry.get_files(q.model, { dtype: q.dtype, device: q.device as never, model_file_name: fileName });
    return Promise.all(files.map(async (file) => ({ file, bytes: (await ModelRegistry.get_file_metadata(q.model, file).catch(() => undefined))?.size ?? 0 })));
  },
  async cached(q) {
    const { fileName } = await layoutOf(q.model, q.host);
    setHost(q.host);
    return ModelRegistry.is_cached(q.model, { dtype: q.dtype, device: q.device as never, ...(fileName ? { model_file_name: fileName } : {}) });
  },
};

type Outputs = Record<string, Tensor>;

const int64 = (values: readonly number[]) => new Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);

/** [2] A `forward` for the decoding loop that keeps the model's KV cache between steps. */
function cachedForward(model: PreTrainedModel, hasPast: boolean) {
  let past: Outputs | null = null;
  // The attention mask is all ones and one longer every step: views of one array, grown when full.
  let ones = new BigInt64Array(0);
  const mask = (length: number) => {
    if (ones.length < length) ones = new BigInt64Array(Math.max(length, 2 * ones.length, 256)).fill(1n);
    return new Tensor('int64', ones.subarray(0, length), [1, length]);
  };
  const release = (tensors: Outputs | null, keep: Set<Tensor>) => {
    for (const t of Object.values(tensors ?? {})) if (!keep.has(t)) t.dispose();
  };
  const forward: Forward = async (ids, fed) => {
    const fresh = hasPast ? ids.slice(fed) : ids;
    const out = (await model.forward({ input_ids: int64(fresh), attention_mask: mask(ids.length), past_key_values: hasPast ? past : null })) as Outputs;
    const next: Outputs = {};
    for (const [name, t] of Object.entries(out)) if (name.startsWith('present')) next[name.replace('present', 'past_key_values')] = t;
    release(past, new Set(Object.values(next)));
    past = hasPast ? next : null;
    let logits = out.logits!;
    if (logits.type !== 'float32') logits = logits.to('float32');
    const vocab = logits.dims.at(-1)!;
    const rows = logits.dims.at(-2)!;
    // ONNX Runtime copies outputs out of its memory, so a view of the data outlives the tensor's disposal.
    const row = (logits.data as Float32Array).subarray((rows - 1) * vocab, rows * vocab);
    logits.dispose();
    return row;
  };
  return { forward, dispose: () => release(past, new Set()) };
}

function numberList(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
}

export default defineAdapter(seam, {
  source,
  async load(ctx) {
    const { fileName } = await layoutOf(ctx.model, ctx.host);
    const [tokenizer, model] = await Promise.all([
      AutoTokenizer.from_pretrained(ctx.model, { progress_callback: progressForwarder(ctx) }),
      AutoModelForCausalLM.from_pretrained(ctx.model, { ...pretrainedOptions(ctx, { stepping: true }), ...(fileName ? { model_file_name: fileName } : {}) }),
    ]);
    const facts = { ...readFacts(model, tokenizer), ...(fileName ? { modelFileName: fileName } : {}) };
    const config = model.config as unknown as Record<string, unknown>;
    const generation = generationConfigOf(model);
    const inputNames = sessionsOf(model).model?.inputNames ?? [];
    const hasPast = inputNames.some((n) => n.startsWith('past_key_values.'));
    const eos = new Set([...numberList(generation.eos_token_id), ...numberList(config.eos_token_id), ...numberList(tokenizer.eos_token_id)]);
    const startId = numberList(tokenizer.bos_token_id)[0] ?? numberList(config.bos_token_id)[0] ?? [...eos][0];
    // The window is what the position embeddings hold (facts.maxLength is capped for the encoder hats).
    const window = facts.maxPositions ?? facts.maxLength;
    // A token that is only part of a character decodes to U+FFFD, drawn as a box, and a control byte
    // to nothing visible: show its bytes.
    let byId: Map<number, string> | undefined;
    const readText = (id: number) => {
      const own = tokenizer.decode([id], { skip_special_tokens: false });
      if (!unreadable(own)) return own;
      byId ??= new Map([...tokenizer.get_vocab()].map(([token, i]) => [i, token]));
      return byteTokenText(byId.get(id) ?? '') ?? own;
    };
    // Every step shows its token and ten candidates, mostly the same few: each is decoded once.
    const texts = new Map<number, string>();
    const text = (id: number) => texts.get(id) ?? texts.set(id, readText(id)).get(id)!;
    const join = (ids: number[]) => (ids.length ? tokenizer.decode(ids, { skip_special_tokens: false }) : '');

    async function run(asked: CausalParams, rc: RunContext<CausalOutput>) {
      const { params, notes } = clampSettings(asked);
      let promptIds = tokenizer.encode(params.text);
      let startToken: string | undefined;
      if (promptIds.length === 0) {
        if (startId === undefined) throw new Error('This model has no start token to begin from: type a prompt.');
        promptIds = [startId];
        startToken = text(startId);
        notes.push(`The prompt is empty, so the model starts from its start token ${startToken} and writes whatever it finds most likely.`);
      }
      const fit = fitToWindow(promptIds, params.max_new_tokens, window);
      notes.push(...fit.notes);
      const { temperature, top_k, top_p, seed } = params;
      const base = {
        prompt: startToken ? '' : tokenizer.decode(fit.ids, { skip_special_tokens: false }),
        promptTokens: fit.ids.length,
        startToken,
        notes,
        settings: { max_new_tokens: fit.maxNewTokens, temperature, top_k, top_p, seed, pace: params.pace },
        cached: hasPast,
      };
      const steps: GenStep[] = [];
      // Only the few partials the page gets a second are made (the worker calls this when it posts one,
      // and sends of `steps` only what the page has not got: the seam says they append).
      const snapshot = (finish?: CausalOutput['finish']): CausalOutput => ({
        ...base,
        steps: steps.slice(),
        generated: join(steps.filter((s) => !s.end).map((s) => s.id)),
        generateMs: Math.round(performance.now() - started),
        finish,
      });
      const started = performance.now();
      const session = cachedForward(model, hasPast);
      try {
        const result = await decode({
          promptIds: fit.ids,
          maxNewTokens: fit.maxNewTokens,
          eosIds: [...eos],
          settings: { temperature, topK: top_k, topP: top_p },
          seed,
          forward: session.forward,
          signal: rc.signal,
          pause: pacer(params.pace, rc.signal),
          onStep: (all) => {
            steps.push(shownStep(all.at(-1)!, text, eos));
            rc.emit(snapshot);
          },
        });
        const tokens: TokensInfo = {
          rows: fit.ids.map((id) => ({ token: text(id), id, special: tokenizer.all_special_ids.includes(id), attention: 1 })),
          fullLength: fit.ids.length,
          maxLength: window,
          truncated: false,
        };
        return { output: snapshot(result.finish), tokens };
      } finally {
        session.dispose();
      }
    }

    // [3]
    const inside = generatorInside<CausalParams, Gpt2Config, number[]>(ctx, gpt2Architecture, {
      views: ['attention', 'lens', 'hidden'],
      async encode(params, config) {
        const typed = tokenizer.encode(params.text);
        const ids = (typed.length > 0 ? typed : startId === undefined ? [] : [startId]).slice(-config.maxPositions);
        if (ids.length === 0) throw new BadInputError('There is no prompt and no start token to look inside: type a prompt.');
        return { feeds: { input_ids: ids, attention_mask: ids.map(() => 1) }, encoded: ids };
      },
      answer(out, config, ids) {
        const tokens = ids.map(text);
        return {
          attention: [attentionMap(out, 'self', '', config.numLayers, tokens, tokens)],
          // The last position is where the next word is being guessed.
          lens: { positions: lensPositions(out, tokens, text), focus: ids.length - 1 },
          hidden: hiddenStates(out, '', config.numLayers, tokens),
        };
      },
    });

    return {
      facts,
      run,
      call: inside.call,
      async dispose() {
        await inside.dispose();
        await model.dispose();
      },
    };
  },
});
